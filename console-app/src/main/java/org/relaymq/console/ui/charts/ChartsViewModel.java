package org.relaymq.console.ui.charts;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.DurationText;
import org.relaymq.console.service.GatewayListener;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.ui.Json;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * Rates over the last two minutes: what each broker stored and served per second (its own STORE_STATS
 * putPerSecond / getPerSecond), what the clients sent to each broker (SEND_RESULT, counted per second,
 * failures apart), with fault moments marked (BROKER_EXPIRED / BROKER_DISCONNECTED from the NameServers,
 * kill -9 / pause / stop from the supervisor). A broker that stops reporting has its line end, marked
 * STALE with the age of its last sample; nothing is drawn as zero that nobody measured.
 */
public final class ChartsViewModel implements GatewayListener {

    static final int WINDOW_SECONDS = 120;

    private final TimeSource time;
    private final UiExecutor ui;
    private final long staleAfterMs;
    /** broker node address → "broker-a master", from the broker's snapshot. */
    private final Map<String, String> brokerLabels = new ConcurrentHashMap<>();
    /** series name → second (console monotonic) → value */
    private final Map<String, TreeMap<Long, Double>> stored = new TreeMap<>();
    private final Map<String, TreeMap<Long, Double>> served = new TreeMap<>();
    private final Map<String, TreeMap<Long, Double>> sent = new TreeMap<>();
    /** series name → console monotonic millis of its last sample (STORE_STATS series only). */
    private final Map<String, Long> lastSample = new TreeMap<>();
    private final List<Fault> faultList = new ArrayList<>();
    private final ObservableList<RateSeries> sendSeries = FXCollections.observableArrayList();
    private final ObservableList<RateSeries> consumeSeries = FXCollections.observableArrayList();
    private final ObservableList<FaultMark> faults = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    private record Fault(long atMillis, String label) {
    }

    public ChartsViewModel(TimeSource time, UiExecutor ui, long staleAfterMs) {
        this.time = time;
        this.ui = ui;
        this.staleAfterMs = staleAfterMs;
        refresh();
    }

    /** Stored per second per broker, and sent per second per broker as the clients saw it. */
    public ObservableList<RateSeries> sendSeries() {
        return sendSeries;
    }

    /** Served to consumers per second per broker. */
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
    public void onSnapshot(String address, String nodeName, JsonObject state) {
        if (nodeName.startsWith("broker@") && state.has("brokerName")) {
            long id = Json.number(state, "brokerId", 0);
            brokerLabels.put(address, Json.text(state, "brokerName") + (id == 0 ? " master" : " slave " + id));
        }
    }

    @Override
    public void onEvent(String address, NodeEvent e) {
        long now = time.monotonicMillis();
        ui.execute(() -> apply(address, e, now));
    }

    /** A supervisor state change: kills, pauses and stops are fault moments. */
    public void onNodeStatus(NodeStatus s) {
        if (s.state() == NodeState.KILLED || s.state() == NodeState.PAUSED || s.state() == NodeState.STOPPED) {
            long at = time.monotonicMillis();
            String what = switch (s.state()) {
                case KILLED -> "kill -9";
                case PAUSED -> "paused";
                default -> "stopped";
            };
            ui.execute(() -> mark(at, s.id() + " " + what));
        }
    }

    private void apply(String address, NodeEvent e, long now) {
        JsonObject d = e.data();
        long second = now / 1000;
        switch (e.kind()) {
            case EventKind.SEND_RESULT -> {
                String q = Json.queue(d, "queue");
                String broker = q == null ? "?" : q.substring(0, q.lastIndexOf(':'));
                boolean ok = d.has("ok") && d.get("ok").getAsBoolean();
                sent.computeIfAbsent("sent → " + broker + (ok ? "" : " FAILED"), k -> new TreeMap<>())
                        .merge(second, 1.0, Double::sum);
            }
            case EventKind.STORE_STATS -> {
                String name = brokerLabels.getOrDefault(address, e.node());
                sample(stored, "stored " + name, Json.decimal(d, "putPerSecond", -1), second, now);
                sample(served, "served " + name, Json.decimal(d, "getPerSecond", -1), second, now);
            }
            case EventKind.BROKER_EXPIRED, EventKind.BROKER_DISCONNECTED -> mark(now, e.text("brokerName") + " "
                    + e.kind().substring("BROKER_".length()).toLowerCase(Locale.ROOT) + " @ " + e.node());
            default -> {
                return;
            }
        }
        refresh();
    }

    private void sample(Map<String, TreeMap<Long, Double>> into, String name, double value, long second, long now) {
        if (value >= 0) {
            into.computeIfAbsent(name, k -> new TreeMap<>()).put(second, value);
            lastSample.put(name, now);
        }
    }

    private void mark(long atMillis, String label) {
        faultList.add(new Fault(atMillis, label));
        refresh();
    }

    /** Slides the window, ages the series, and drops fault marks older than the window. */
    public void refresh() {
        long now = time.monotonicMillis();
        long nowSecond = now / 1000;
        List<RateSeries> sends = series(stored, nowSecond, now);
        sends.addAll(series(sent, nowSecond, now));
        sendSeries.setAll(sends);
        consumeSeries.setAll(series(served, nowSecond, now));
        faultList.removeIf(f -> now - f.atMillis() > WINDOW_SECONDS * 1000L);
        faults.setAll(faultList.stream().map(f -> new FaultMark((f.atMillis() - now) / 1000.0, f.label())).toList());
        message.set(stored.isEmpty() && sent.isEmpty()
                ? "UNKNOWN — no STORE_STATS or SEND_RESULT events yet (no broker or producer streaming)." : "");
    }

    private List<RateSeries> series(Map<String, TreeMap<Long, Double>> data, long nowSecond, long now) {
        List<RateSeries> out = new ArrayList<>();
        data.forEach((name, values) -> {
            values.headMap(nowSecond - WINDOW_SECONDS).clear();
            List<double[]> points = new ArrayList<>();
            values.forEach((sec, v) -> points.add(new double[] {sec - nowSecond, v}));
            Long last = lastSample.get(name);
            String label = last != null && now - last > staleAfterMs
                    ? name + " · STALE " + DurationText.of(now - last) : name;
            out.add(new RateSeries(label, points));
        });
        return out;
    }
}
