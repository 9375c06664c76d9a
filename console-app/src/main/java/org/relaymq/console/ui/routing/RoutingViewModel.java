package org.relaymq.console.ui.routing;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.ClusterGateway;
import org.relaymq.console.service.DurationText;
import org.relaymq.console.service.GatewayListener;
import org.relaymq.console.ui.Json;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * What the clients decide, from their own events: cached route and next poll per client, the stream
 * of send decisions, brokers isolated and until when, pull source per consumer queue. Says so
 * plainly while no client streams events.
 */
public final class RoutingViewModel implements GatewayListener {

    private static final int KEEP = 300;

    private final ClusterGateway gateway;
    private final TimeSource time;
    private final UiExecutor ui;
    private final long staleAfterMs;
    private final Map<String, Polled> routes = new TreeMap<>();
    private final Map<String, String> isolatedRaw = new TreeMap<>();
    private final Map<String, String> pullSourceRaw = new TreeMap<>();
    private final ObservableList<ClientRouteRow> routeRows = FXCollections.observableArrayList();
    private final ObservableList<String> decisions = FXCollections.observableArrayList();
    private final ObservableList<String> isolated = FXCollections.observableArrayList();
    private final ObservableList<String> pullSources = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    private record Polled(String address, String client, String topic, String brokers, long at, long intervalMs) {
    }

    public RoutingViewModel(ClusterGateway gateway, TimeSource time, UiExecutor ui, long staleAfterMs) {
        this.gateway = gateway;
        this.time = time;
        this.ui = ui;
        this.staleAfterMs = staleAfterMs;
        refresh();
    }

    public ObservableList<ClientRouteRow> routeRows() {
        return routeRows;
    }

    public ObservableList<String> decisions() {
        return decisions;
    }

    public ObservableList<String> isolated() {
        return isolated;
    }

    public ObservableList<String> pullSources() {
        return pullSources;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public void onEvent(String address, NodeEvent e) {
        if (!EventKind.CLIENT_KINDS.contains(e.kind())) {
            return;
        }
        long now = time.monotonicMillis();
        ui.execute(() -> apply(address, e, now));
    }

    private void apply(String address, NodeEvent e, long now) {
        JsonObject d = e.data();
        String client = e.node();
        switch (e.kind()) {
            case EventKind.ROUTE_POLLED -> {
                String topic = Json.text(d, "topic");
                routes.put(client + " " + topic, new Polled(address, client, topic, Json.firstText(d, "brokers"), now,
                        pollInterval(address)));
            }
            case EventKind.SEND_DECISION, EventKind.SEND_RESULT, EventKind.NAMESRV_UNREACHABLE -> {
                decisions.add(0, client + "  " + e.kind() + "  " + d);
                if (decisions.size() > KEEP) {
                    decisions.remove(KEEP, decisions.size());
                }
            }
            case EventKind.BROKER_ISOLATED -> isolatedRaw.put(client + " " + Json.firstText(d, "brokerName", "broker"),
                    Json.firstText(d, "until", "untilMs"));
            case EventKind.PULL_SOURCE -> pullSourceRaw.put(client + " " + Json.firstText(d, "queue", "queueId"),
                    Json.firstText(d, "source", "from") + " (" + Json.firstText(d, "why", "reason") + ")");
            default -> {
                return;
            }
        }
        refresh();
    }

    private long pollInterval(String address) {
        return gateway.nodeInfo(address).map(i -> i.getAsJsonObject("intervals"))
                .map(iv -> Json.number(iv, "clientRoutePollIntervalMs", Json.number(iv, "routePollIntervalMs", -1)))
                .filter(v -> v > 0)
                .orElse(gateway.nodeInfo(address).flatMap(i -> TimingProfile.byName(Json.text(i, "profile")))
                        .map(p -> p.clientRoutePollInterval().toMillis()).orElse(-1L));
    }

    public void refresh() {
        long now = time.monotonicMillis();
        List<ClientRouteRow> rows = new ArrayList<>();
        for (Polled p : routes.values()) {
            long since = now - p.at();
            String next = p.intervalMs() <= 0 ? "unknown interval" : since <= p.intervalMs()
                    ? "in " + DurationText.of(p.intervalMs() - since) : "overdue by " + DurationText.of(since - p.intervalMs());
            rows.add(new ClientRouteRow(p.client(), p.topic(), p.brokers(), DurationText.of(since) + " ago", next,
                    gateway.connection(p.address()).freshness(now, staleAfterMs).label()));
        }
        routeRows.setAll(rows);
        isolated.setAll(isolatedRaw.entrySet().stream().map(en -> en.getKey() + " until " + en.getValue()).toList());
        pullSources.setAll(pullSourceRaw.entrySet().stream().map(en -> en.getKey() + ": " + en.getValue()).toList());
        boolean none = routes.isEmpty() && decisions.isEmpty() && isolatedRaw.isEmpty() && pullSourceRaw.isEmpty();
        message.set(none ? "UNKNOWN — no client events yet: no producer or consumer process is streaming events." : "");
    }
}
