package org.relaymq.console.ui.charts;

import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import org.relaymq.console.service.DurationText;

/** Two line charts (sends, consumes) rebuilt from the view model; fault moments as a marker series and a list. */
public final class ChartsView {

    private final ChartsViewModel model;

    @FXML private Label messageLabel;
    @FXML private LineChart<Number, Number> sendChart;
    @FXML private LineChart<Number, Number> consumeChart;
    @FXML private ListView<String> faultList;

    public ChartsView(ChartsViewModel model) {
        this.model = model;
    }

    @FXML
    private void initialize() {
        messageLabel.textProperty().bind(model.messageProperty());
        model.sendSeries().addListener((ListChangeListener<RateSeries>) c -> fill(sendChart, model.sendSeries()));
        model.consumeSeries().addListener((ListChangeListener<RateSeries>) c -> fill(consumeChart,
                model.consumeSeries()));
        model.faults().addListener((ListChangeListener<FaultMark>) c -> faultList.getItems().setAll(
                model.faults().stream().map(f -> DurationText.of((long) (-f.secondsAgo() * 1000)) + " ago: "
                        + f.label()).toList()));
    }

    private void fill(LineChart<Number, Number> chart, ObservableList<RateSeries> series) {
        chart.getData().clear();
        double max = 1;
        for (RateSeries s : series) {
            XYChart.Series<Number, Number> line = new XYChart.Series<>();
            line.setName(s.name());
            for (double[] p : s.points()) {
                line.getData().add(new XYChart.Data<>(p[0], p[1]));
                max = Math.max(max, p[1]);
            }
            chart.getData().add(line);
        }
        List<FaultMark> marks = model.faults();
        if (!marks.isEmpty()) {
            XYChart.Series<Number, Number> faults = new XYChart.Series<>();
            faults.setName("faults");
            for (FaultMark m : marks) {
                faults.getData().add(new XYChart.Data<>(m.secondsAgo(), 0));
                faults.getData().add(new XYChart.Data<>(m.secondsAgo(), max));
                faults.getData().add(new XYChart.Data<>(m.secondsAgo(), 0));
            }
            chart.getData().add(faults);
        }
    }
}
