package org.relaymq.console.ui.main;

import java.util.Locale;
import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Slider;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;

/** The console window: toolbar commands, one tab per view, status bar; font scale and theme applied here. */
public final class MainView {

    private final MainViewModel model;
    private final Map<String, Parent> tabContents;
    private final String darkStylesheet;

    @FXML private BorderPane root;
    @FXML private Button startDemoButton;
    @FXML private Button stopAllButton;
    @FXML private Button resetDemoButton;
    @FXML private TextField attachField;
    @FXML private Button attachButton;
    @FXML private ToggleButton presentingToggle;
    @FXML private Slider fontScaleSlider;
    @FXML private ToggleButton darkThemeToggle;
    @FXML private TabPane tabs;
    @FXML private Tab registrationsTab;
    @FXML private Tab timelineTab;
    @FXML private Tab nodesTab;
    @FXML private Tab topologyTab;
    @FXML private Tab routingTab;
    @FXML private Tab chartsTab;
    @FXML private Label statusLabel;
    @FXML private ProgressIndicator closingProgress;

    /** {@code tabContents}: tab fx:id → the loaded view of that tab. */
    public MainView(MainViewModel model, Map<String, Parent> tabContents, String darkStylesheet) {
        this.model = model;
        this.tabContents = Map.copyOf(tabContents);
        this.darkStylesheet = darkStylesheet;
    }

    @FXML
    private void initialize() {
        for (Tab tab : tabs.getTabs()) {
            tab.setContent(tabContents.get(tab.getId()));
        }
        startDemoButton.setOnAction(e -> model.startDemo());
        stopAllButton.setOnAction(e -> model.stopAll());
        resetDemoButton.setOnAction(e -> model.resetDemoData());
        attachField.textProperty().bindBidirectional(model.attachListProperty());
        attachButton.setOnAction(e -> model.attach());
        attachField.setOnAction(e -> model.attach());
        presentingToggle.selectedProperty().bindBidirectional(model.presenter().presentingModeProperty());
        fontScaleSlider.valueProperty().bindBidirectional(model.presenter().fontScaleProperty());
        darkThemeToggle.selectedProperty().bindBidirectional(model.presenter().darkThemeProperty());
        statusLabel.textProperty().bind(model.statusProperty());
        closingProgress.visibleProperty().bind(model.closingProperty());
        closingProgress.managedProperty().bind(model.closingProperty());
        root.disableProperty().bind(model.closingProperty());
        model.presenter().fontScaleProperty().addListener((o, a, b) -> applyFont());
        model.presenter().darkThemeProperty().addListener((o, a, b) -> applyTheme());
        root.sceneProperty().addListener((o, a, scene) -> applyTheme());
        applyFont();
    }

    public TabPane tabs() {
        return tabs;
    }

    public void select(String tabId) {
        tabs.getTabs().stream().filter(t -> t.getId().equals(tabId)).findFirst()
                .ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    private void applyFont() {
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", 13 * model.presenter().fontScaleProperty()
                .get()));
    }

    private void applyTheme() {
        if (root.getScene() == null) {
            return;
        }
        var sheets = root.getScene().getStylesheets();
        sheets.remove(darkStylesheet);
        if (model.presenter().darkThemeProperty().get()) {
            sheets.add(darkStylesheet);
        }
    }
}
