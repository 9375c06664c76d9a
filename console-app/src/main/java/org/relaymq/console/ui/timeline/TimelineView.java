package org.relaymq.console.ui.timeline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;
import org.relaymq.console.ui.Cells;

/** Lanes per node on a time axis (a canvas redrawn each tick), filters, pause, scroll-back, export. */
public final class TimelineView {

    private static final long WINDOW_MS = 60_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS")
            .withZone(ZoneId.systemDefault());

    private final TimelineViewModel model;

    @FXML private ComboBox<String> nodeFilter;
    @FXML private ComboBox<String> kindFilter;
    @FXML private ToggleButton pauseToggle;
    @FXML private Slider scrollBackSlider;
    @FXML private Button exportJsonButton;
    @FXML private Button exportCsvButton;
    @FXML private Label statusLabel;
    @FXML private Pane lanePane;
    @FXML private Canvas laneCanvas;
    @FXML private TableView<TimelineEntry> eventsTable;
    @FXML private TableColumn<TimelineEntry, String> timeColumn;
    @FXML private TableColumn<TimelineEntry, String> nodeColumn;
    @FXML private TableColumn<TimelineEntry, String> kindColumn;
    @FXML private TableColumn<TimelineEntry, Long> seqColumn;
    @FXML private TableColumn<TimelineEntry, String> summaryColumn;

    public TimelineView(TimelineViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        nodeFilter.setItems(model.nodeChoices());
        nodeFilter.valueProperty().bindBidirectional(model.nodeFilterProperty());
        kindFilter.setItems(model.kindChoices());
        kindFilter.valueProperty().bindBidirectional(model.kindFilterProperty());
        pauseToggle.selectedProperty().bindBidirectional(model.pausedProperty());
        scrollBackSlider.valueProperty().bindBidirectional(model.scrollBackSecondsProperty());
        exportJsonButton.setOnAction(e -> model.exportJson());
        exportCsvButton.setOnAction(e -> model.exportCsv());
        statusLabel.textProperty().bind(model.statusProperty());
        eventsTable.setItems(model.visible());
        Cells.bind(timeColumn, e -> TIME.format(Instant.ofEpochMilli(e.ts())));
        Cells.bind(nodeColumn, TimelineEntry::node);
        Cells.bind(kindColumn, TimelineEntry::kind);
        Cells.bind(seqColumn, TimelineEntry::seq);
        Cells.bind(summaryColumn, TimelineEntry::summary);
        laneCanvas.widthProperty().bind(lanePane.widthProperty());
        laneCanvas.heightProperty().bind(lanePane.heightProperty());
    }

    /** Redraws the lanes for the current window (called by the console's ticker). */
    public void redraw() {
        GraphicsContext g = laneCanvas.getGraphicsContext2D();
        double w = laneCanvas.getWidth();
        double h = laneCanvas.getHeight();
        g.setFill(Color.web("#f4f4f4"));
        g.fillRect(0, 0, w, h);
        List<String> lanes = model.lanes();
        if (lanes.isEmpty() || w < 200) {
            return;
        }
        double labelW = 190;
        double laneH = Math.max(14, h / lanes.size());
        long end = model.windowEnd();
        long start = end - WINDOW_MS;
        for (int i = 0; i < lanes.size(); i++) {
            g.setFill(Color.web("#333333"));
            g.fillText(lanes.get(i), 4, i * laneH + laneH / 2 + 4);
            g.setStroke(Color.web("#cccccc"));
            g.strokeLine(labelW, (i + 1) * laneH, w, (i + 1) * laneH);
        }
        for (TimelineEntry e : model.entriesBetween(start, end)) {
            int lane = lanes.indexOf(e.node());
            double x = labelW + (e.receivedAt() - start) * (w - labelW - 6) / (double) WINDOW_MS;
            g.setFill(colour(e.kind()));
            g.fillOval(x - 3, lane * laneH + laneH / 2 - 3, 7, 7);
        }
    }

    private static Color colour(String kind) {
        if (kind.equals("FAULTS")) {
            return Color.DARKORANGE;
        }
        if (kind.endsWith("EXPIRED") || kind.endsWith("DISCONNECTED") || kind.endsWith("ISOLATED")) {
            return Color.CRIMSON;
        }
        if (kind.endsWith("UNREGISTERED") || kind.equals("SCAN")) {
            return Color.GRAY;
        }
        return kind.contains("REGISTER") || kind.contains("HEARTBEAT") ? Color.SEAGREEN : Color.STEELBLUE;
    }
}
