package org.relaymq.console.app;

import javafx.stage.Stage;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.ui.PresenterSettings;
import org.relaymq.console.ui.main.MainView;

/** Remembers window position and size, the selected tab, font scale and theme. */
final class WindowLayout {

    private final PreferencesStore prefs;

    WindowLayout(PreferencesStore prefs) {
        this.prefs = prefs;
    }

    void restore(Stage stage, MainView view, PresenterSettings presenter) {
        stage.setWidth(prefs.getDouble("window.w", 1400));
        stage.setHeight(prefs.getDouble("window.h", 880));
        double x = prefs.getDouble("window.x", Double.NaN);
        double y = prefs.getDouble("window.y", Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y)) {
            stage.setX(x);
            stage.setY(y);
        }
        presenter.fontScaleProperty().set(prefs.getDouble("font.scale", 1.0));
        presenter.darkThemeProperty().set(prefs.get("theme").map("dark"::equals).orElse(false));
        prefs.get("tab").ifPresent(view::select);
    }

    void save(Stage stage, MainView view, PresenterSettings presenter) {
        prefs.put("window.w", Double.toString(stage.getWidth()));
        prefs.put("window.h", Double.toString(stage.getHeight()));
        prefs.put("window.x", Double.toString(stage.getX()));
        prefs.put("window.y", Double.toString(stage.getY()));
        prefs.put("font.scale", Double.toString(presenter.fontScaleProperty().get()));
        prefs.put("theme", presenter.darkThemeProperty().get() ? "dark" : "light");
        var tab = view.tabs().getSelectionModel().getSelectedItem();
        if (tab != null) {
            prefs.put("tab", tab.getId());
        }
    }
}
