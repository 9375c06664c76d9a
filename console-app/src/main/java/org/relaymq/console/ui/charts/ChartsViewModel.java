package org.relaymq.console.ui.charts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.GatewayListener;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.ui.Json;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * Send and consume rates per broker over the last two minutes, from SEND_RESULT (counted per second)
 * and STORE_STATS (the broker's own put / get per second), with fault moments marked.
 */
public final class ChartsViewModel implements GatewayListener {

    static final int WINDOW_SECONDS = 120;

    private final TimeSource time;
    private final UiExecutor ui;
    /** series name → second (console monotonic) → value */
    private final Map<String, TreeMap<Long, Double>> sends = new TreeMap<>();
    private final Map<String, TreeMap<Long, Double>> consumes = new TreeMap<>();
    private final List<long[]> faultTimes = new ArrayList<>();
    private final List<String> faultLabels = new ArrayList<>();
    private final ObservableList<RateSeries> sendSeries = FXCollections.observableArrayList();
    private final ObservableList<RateSeries> consumeSeries = FXCollections.observableArrayList();
    private final ObservableList<FaultMark> faults = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    public ChartsViewModel(TimeSource time, UiExecutor ui) {
        this.time = time;
        this.ui = ui;
        refresh();
    }

    public ObservableList<RateSeries> sendSeries() {
        return sendSeries;
    }

    public ObservableList<RateSeries> consumeSeries() {
        return consumeSeries;
    }

    public ObservableList<FaultMark> faults() {
        return faults;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public void onEvent(String address, NodeEvent e) {
        long second = time.monotonicMillis() / 1000;
        ui.execute(() -> apply(e, second));
    }

    /** A supervisor state change: kills, pauses and stops are fault moments. */
    public void onNodeStatus(NodeStatus s) {
        if (s.state() == NodeState.KILLED || s.state() == NodeState.PAUSED || s.state() == NodeState.STOPPED) {
            long at = time.monotonicMillis();
            ui.execute(() -> mark(at, s.id() + " " + s.state()));
        }
    }

    private void apply(NodeEvent e, long second) {
        String broker = Json.firstText(e.data(), "brokerName", "broker");
        switch (e.kind()) {
            case EventKind.SEND_RESULT -> sends.computeIfAbsent(broker == null ? "?" : broker, k -> new TreeMap<>())
                    .merge(second, 1.0, Double::sum);
            case EventKind.STORE_STATS -> {
                String name = broker == null ? e.node() : broker;
                long puts = Json.number(e.data(), "putPerSec", Json.number(e.data(), "putTps", -1));
                long gets = Json.number(e.data(), "getPerSec", Json.number(e.data(), "getTps", -1));
                if (gets >= 0) {
                    consumes.computeIfAbsent(name, k -> new TreeMap<>()).put(second, (double) gets);
                }
                if (puts >= 0 && !sends.containsKey(name + " (SEND_RESULT)")) {
                    sends.computeIfAbsent(name + " (store puts)", k -> new TreeMap<>()).put(second, (double) puts);
                }
            }
            case EventKind.BROKER_EXPIRED, EventKind.BROKER_DISCONNECTED ->
                    mark(second * 1000, e.text("brokerName") + " " + e.kind().substring("BROKER_".length()).toLowerCase(
                            java.util.Locale.ROOT) + " @ " + e.node());
            default -> {
                return;
            }
        }
        refresh();
    }

    private void mark(long atMillis, String label) {
        faultTimes.add(new long[] {atMillis});
        faultLabels.add(label);
        refresh();
    }

    public void refresh() {
        long now = time.monotonicMillis();
        long nowSecond = now / 1000;
        sendSeries.setAll(series(sends, nowSecond));
        consumeSeries.setAll(series(consumes, nowSecond));
        List<FaultMark> marks = new ArrayList<>();
        for (int i = 0; i < faultTimes.size(); i++) {
            double ago = (faultTimes.get(i)[0] - now) / 1000.0;
            if (ago >= -WINDOW_SECONDS) {
                marks.add(new FaultMark(ago, faultLabels.get(i)));
            }
        }
        faults.setAll(marks);
        message.set(sends.isEmpty() && consumes.isEmpty()
                ? "UNKNOWN — no SEND_RESULT or STORE_STATS events yet (no producer or broker streaming)." : "");
    }

    private static List<RateSeries> series(Map<String, TreeMap<Long, Double>> data, long nowSecond) {
        List<RateSeries> out = new ArrayList<>();
        data.forEach((name, values) -> {
            values.headMap(nowSecond - WINDOW_SECONDS).clear();
            List<double[]> points = new ArrayList<>();
            values.forEach((sec, v) -> points.add(new double[] {sec - nowSecond, v}));
            out.add(new RateSeries(name, points));
        });
        return out;
    }
}
