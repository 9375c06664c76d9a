package org.relaymq.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Slider;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.console.fx.CloseDialog;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.DemoCluster;
import org.relaymq.console.service.DemoClusterPlan;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.service.FakeProcess;
import org.relaymq.console.service.KillCommandSignals;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.ui.PresenterSettings;
import org.relaymq.console.ui.main.MainView;
import org.relaymq.console.ui.main.MainViewModel;
import org.relaymq.runtime.common.time.ManualClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Window size and position, font scale, theme and selected tab are remembered between starts. */
@ExtendWith(ApplicationExtension.class)
class WindowLayoutTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final NodeSupervisor supervisor = new NodeSupervisor((spec, extra) -> new FakeProcess(),
            new KillCommandSignals(), clock, clock, NodeSupervisor.Settings.defaults());
    private final PreferencesStore prefs = PreferencesStore.inMemory();
    private Stage stage;

    @Start
    void start(Stage primary) {
        this.stage = primary;
    }

    @AfterEach
    void stop(FxRobot robot) {
        supervisor.close();
        robot.interact(stage::hide);
    }

    private MainView mainView(PresenterSettings presenter) {
        MainViewModel model = new MainViewModel(new MainViewModel.Deps(supervisor, new FakeClusterGateway(),
                new DemoCluster(supervisor, DemoClusterPlan.classroom(dir)), UiExecutor.sameThread(),
                (title, q) -> true, running -> CloseDialog.Choice.CANCEL, prefs, presenter, ns -> { }));
        MainView view = new MainView(model, Map.of(), ConsoleContext.stylesheet("dark.css"));
        stage.setScene(new Scene(ViewLoader.load("/org/relaymq/console/ui/main/MainView.fxml", view)));
        return view;
    }

    /** A toolbar control or the tab pane, also when a large font has moved it into the toolbar's overflow. */
    private <T> T node(String id) {
        Node found = stage.getScene().lookup(id);
        if (found == null) {
            found = ((ToolBar) stage.getScene().lookup(".tool-bar")).getItems().stream()
                    .filter(n -> id.equals("#" + n.getId())).findFirst().orElse(null);
        }
        assertThat(found).as(id).isNotNull();
        @SuppressWarnings("unchecked")
        T node = (T) found;
        return node;
    }

    private static String selectedTab(MainView view) {
        return view.tabs().getSelectionModel().getSelectedItem().getId();
    }

    @Test
    void nothingStoredGivesTheDefaults(FxRobot robot) {
        PresenterSettings presenter = new PresenterSettings();
        robot.interact(() -> {
            MainView view = mainView(presenter);
            new WindowLayout(prefs).restore(stage, view, presenter);
            stage.show();
            assertThat(stage.getWidth()).isEqualTo(1400);
            assertThat(stage.getHeight()).isEqualTo(880);
            assertThat(presenter.fontScaleProperty().get()).isEqualTo(1.0);
            assertThat(presenter.darkThemeProperty().get()).isFalse();
            assertThat(stage.getScene().getStylesheets()).isEmpty();
            assertThat(selectedTab(view)).isEqualTo("registrationsTab");
        });
    }

    @Test
    void restoreAppliesWhatIsStored(FxRobot robot) {
        prefs.put("window.w", "1000");
        prefs.put("window.h", "640");
        prefs.put("window.x", "40");
        prefs.put("window.y", "30");
        prefs.put("font.scale", "1.5");
        prefs.put("theme", "dark");
        prefs.put("tab", "nodesTab");
        PresenterSettings presenter = new PresenterSettings();
        robot.interact(() -> {
            MainView view = mainView(presenter);
            new WindowLayout(prefs).restore(stage, view, presenter);
            stage.show();
            assertThat(stage.getWidth()).isEqualTo(1000);
            assertThat(stage.getHeight()).isEqualTo(640);
            assertThat(stage.getX()).isEqualTo(40);
            assertThat(stage.getY()).isEqualTo(30);
            assertThat(presenter.fontScaleProperty().get()).isEqualTo(1.5);
            assertThat(stage.getScene().getRoot().getStyle()).isEqualTo("-fx-font-size: 19.5px;");
            assertThat(presenter.darkThemeProperty().get()).isTrue();
            assertThat(stage.getScene().getStylesheets()).containsExactly(ConsoleContext.stylesheet("dark.css"));
            assertThat(selectedTab(view)).isEqualTo("nodesTab");
        });
    }

    @Test
    void unreadableOrUnknownValuesFallBack(FxRobot robot) {
        prefs.put("window.w", "wide");
        prefs.put("font.scale", "");
        prefs.put("theme", "purple");
        prefs.put("tab", "noSuchTab");
        PresenterSettings presenter = new PresenterSettings();
        robot.interact(() -> {
            MainView view = mainView(presenter);
            new WindowLayout(prefs).restore(stage, view, presenter);
            assertThat(stage.getWidth()).isEqualTo(1400);
            assertThat(presenter.fontScaleProperty().get()).isEqualTo(1.0);
            assertThat(presenter.darkThemeProperty().get()).isFalse();
            assertThat(selectedTab(view)).isEqualTo("registrationsTab");
        });
    }

    @Test
    void saveWritesTheLayoutBack(FxRobot robot) {
        PresenterSettings presenter = new PresenterSettings();
        WindowLayout layout = new WindowLayout(prefs);
        MainView[] view = new MainView[1];
        robot.interact(() -> {
            view[0] = mainView(presenter);
            layout.restore(stage, view[0], presenter);
            stage.show();
            stage.setX(25);
            stage.setY(35);
            stage.setWidth(1100);
            stage.setHeight(700);
            presenter.fontScaleProperty().set(1.25);
            presenter.darkThemeProperty().set(true);
            view[0].select("chartsTab");
            layout.save(stage, view[0], presenter);
        });
        assertThat(prefs.get("window.w")).contains("1100.0");
        assertThat(prefs.get("window.h")).contains("700.0");
        assertThat(prefs.get("window.x")).contains("25.0");
        assertThat(prefs.get("window.y")).contains("35.0");
        assertThat(prefs.get("font.scale")).contains("1.25");
        assertThat(prefs.get("theme")).contains("dark");
        assertThat(prefs.get("tab")).contains("chartsTab");

        robot.interact(() -> {
            presenter.darkThemeProperty().set(false);
            layout.save(stage, view[0], presenter);
        });
        assertThat(prefs.get("theme")).contains("light");
    }

    /** Two starts of the real console with the same store: the second opens as the first was left. */
    @Test
    void aSecondConsoleStartSeesWhatTheFirstSaved(FxRobot robot) {
        List<String> args = List.of("--no-demo", "--data-dir=" + dir.resolve("demo"));
        RelayMqConsole first = new RelayMqConsole();
        robot.interact(() -> first.start(stage, args, prefs));
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> {
            stage.setX(60);
            stage.setY(50);
            stage.setWidth(1200);
            stage.setHeight(760);
            this.<Slider>node("#fontScaleSlider").setValue(1.4);
            this.<ToggleButton>node("#darkThemeToggle").setSelected(true);
            this.<ToggleButton>node("#presentingToggle").setSelected(true);
        });
        robot.interact(() -> {
            this.<TabPane>node("#tabs").getSelectionModel().select(3);
            first.stop();
            stage.hide();
        });

        RelayMqConsole second = new RelayMqConsole();
        robot.interact(() -> {
            Stage next = new Stage();
            stage = next;
            second.start(next, args, prefs);
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            robot.interact(() -> {
                assertThat(stage.isShowing()).isTrue();
                assertThat(stage.getX()).isEqualTo(60);
                assertThat(stage.getY()).isEqualTo(50);
                assertThat(stage.getWidth()).isEqualTo(1200);
                assertThat(stage.getHeight()).isEqualTo(760);
                assertThat(stage.getScene().getRoot().getStyle()).isEqualTo("-fx-font-size: 18.2px;");
                assertThat(stage.getScene().getStylesheets()).containsExactly(ConsoleContext.stylesheet("console.css"),
                        ConsoleContext.stylesheet("dark.css"));
                assertThat(this.<Slider>node("#fontScaleSlider").getValue()).isEqualTo(1.4);
                assertThat(this.<ToggleButton>node("#darkThemeToggle").isSelected()).isTrue();
                assertThat(this.<ToggleButton>node("#presentingToggle").isSelected())
                        .as("presenting mode is per session, not remembered").isFalse();
                assertThat(this.<TabPane>node("#tabs").getSelectionModel().getSelectedItem().getText())
                        .isEqualTo("Topology");
            });
        } finally {
            robot.interact(second::stop);
        }
    }
}
