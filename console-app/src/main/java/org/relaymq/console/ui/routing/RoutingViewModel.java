package org.relaymq.console.ui.routing;

import com.google.gson.JsonObject;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
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
import org.relaymq.console.service.ProtocolView;
import org.relaymq.console.ui.Json;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * What the clients decide, from their own events: cached route and next poll per client (ROUTE_POLLED
 * and the client's route poll interval), the stream of send decisions and results, brokers isolated
 * and for how much longer (BROKER_ISOLATED until), pull source per consumer queue (PULL_SOURCE master
 * or slave and why) and queue assignments (REBALANCE). Says so plainly while no client streams events.
 */
public final class RoutingViewModel implements GatewayListener {

    static final String NO_CLIENTS = "UNKNOWN — no client events yet: no producer or consumer process is "
            + "streaming events.";
    private static final int KEEP = 300;
    /** An ended isolation stays listed this long, so the room sees it end. */
    private static final long SHOW_ENDED_MS = 30_000;
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private final ClusterGateway gateway;
    private final TimeSource time;
    private final UiExecutor ui;
    private final long staleAfterMs;
    private final Map<String, Polled> routes = new TreeMap<>();
    private final Map<String, Isolation> isolations = new TreeMap<>();
    private final Map<String, String> pullSourceRaw = new TreeMap<>();
    private final Map<String, String> rebalanceRaw = new TreeMap<>();
    /** NameServer address → what the plain protocol told (nodes without event stream). */
    private final Map<String, ProtocolView> polledRoutes = new TreeMap<>();
    private final ObservableList<ClientRouteRow> routeRows = FXCollections.observableArrayList();
    private final ObservableList<String> decisions = FXCollections.observableArrayList();
    private final ObservableList<String> isolated = FXCollections.observableArrayList();
    private final ObservableList<String> pullSources = FXCollections.observableArrayList();
    private final ObservableList<String> assignments = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper();

    private record Polled(String address, String client, String topic, String brokers, String namesrv,
                          boolean found, long at, long intervalMs) {
    }

    private record Isolation(String client, String broker, String why, long isolationMs, long untilWall) {
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

    /** Newest first: "HH:mm:ss client KIND text". */
    public ObservableList<String> decisions() {
        return decisions;
    }

    public ObservableList<String> isolated() {
        return isolated;
    }

    public ObservableList<String> pullSources() {
        return pullSources;
    }

    public ObservableList<String> assignments() {
        return assignments;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    @Override
    public void onProtocolView(String address, ProtocolView view) {
        ui.execute(() -> {
            polledRoutes.put(address, view);
            refresh();
        });
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
            case EventKind.ROUTE_POLLED -> routes.put(client + " " + Json.text(d, "topic"), new Polled(address, client,
                    Json.text(d, "topic"), Json.list(d, "brokers"), Json.text(d, "namesrv"),
                    !d.has("found") || d.get("found").getAsBoolean(), now, pollInterval(address)));
            case EventKind.SEND_DECISION -> decide(e, ClientEventText.decision(d));
            case EventKind.SEND_RESULT -> decide(e, ClientEventText.result(d));
            case EventKind.NAMESRV_UNREACHABLE -> decide(e, ClientEventText.unreachable(d));
            case EventKind.BROKER_ISOLATED -> isolations.put(client + " " + Json.text(d, "broker"), new Isolation(
                    client, Json.text(d, "broker"), d.has("failed") && d.get("failed").getAsBoolean()
                    ? "send failed" : "slow: " + Json.number(d, "latencyMs", -1) + " ms",
                    Json.number(d, "isolationMs", -1), Json.number(d, "until", -1)));
            case EventKind.PULL_SOURCE -> pullSourceRaw.put(client + " " + Json.queue(d, "queue"),
                    "from " + Json.text(d, "source") + " (" + Json.text(d, "why") + ") " + Json.text(d, "addr"));
            case EventKind.REBALANCE -> rebalanceRaw.put(client + " " + Json.text(d, "group"),
                    ClientEventText.rebalance(d));
            default -> {
                return;
            }
        }
        refresh();
    }

    private void decide(NodeEvent e, String text) {
        decisions.add(0, CLOCK.format(Instant.ofEpochMilli(e.ts())) + "  " + e.node() + "  " + e.kind() + "  "
                + text);
        if (decisions.size() > KEEP) {
            decisions.remove(KEEP, decisions.size());
        }
    }

    private long pollInterval(String address) {
        return gateway.nodeInfo(address).map(i -> i.getAsJsonObject("intervals"))
                .map(iv -> Json.number(iv, "routePollMs", Json.number(iv, "clientRoutePollIntervalMs",
                        Json.number(iv, "pollNameServerIntervalMs", -1))))
                .filter(v -> v > 0)
                .orElse(gateway.nodeInfo(address).flatMap(i -> TimingProfile.byName(Json.text(i, "profile")))
                        .map(p -> p.clientRoutePollInterval().toMillis()).orElse(-1L));
    }

    /** Recomputes ages, countdowns and remaining isolations (the ticker calls it). */
    public void refresh() {
        long now = time.monotonicMillis();
        List<ClientRouteRow> rows = new ArrayList<>();
        for (Polled p : routes.values()) {
            long since = now - p.at();
            String next = p.intervalMs() <= 0 ? "UNKNOWN (interval not told)" : since <= p.intervalMs()
                    ? "in " + DurationText.of(p.intervalMs() - since)
                    : "overdue by " + DurationText.of(since - p.intervalMs());
            rows.add(new ClientRouteRow(p.client(), p.topic(), p.found() ? p.brokers() : "no route (topic unknown)",
                    DurationText.of(since) + " ago from " + p.namesrv(), next,
                    gateway.connection(p.address()).freshness(now, staleAfterMs).label()));
        }
        polledRoutes.values().forEach(v -> rows.addAll(polledRows(v, now)));
        routeRows.setAll(rows);
        isolated.setAll(isolationLines(time.wallMillis()));
        pullSources.setAll(pullSourceRaw.entrySet().stream().map(en -> en.getKey() + ": " + en.getValue()).toList());
        assignments.setAll(rebalanceRaw.entrySet().stream().map(en -> en.getKey() + ": " + en.getValue()).toList());
        boolean none = routes.isEmpty() && polledRoutes.isEmpty() && decisions.isEmpty() && isolations.isEmpty() && pullSourceRaw.isEmpty()
                && rebalanceRaw.isEmpty();
        message.set(none ? NO_CLIENTS : "");
    }

    /** A NameServer's routes as polled: the same columns, marked as polled with their age. */
    private static List<ClientRouteRow> polledRows(ProtocolView v, long now) {
        long age = now - v.polledAtMillis();
        String next = age <= v.intervalMillis() ? "in " + DurationText.of(v.intervalMillis() - age)
                : "overdue by " + DurationText.of(age - v.intervalMillis());
        return v.routes().entrySet().stream().map(r -> new ClientRouteRow("NameServer " + v.address()
                + " (protocol)", r.getKey(), String.join(", ", r.getValue()), DurationText.of(age) + " ago (polled)",
                next, "POLLED")).toList();
    }

    private List<String> isolationLines(long wallNow) {
        isolations.values().removeIf(i -> i.untilWall() > 0 && wallNow - i.untilWall() > SHOW_ENDED_MS);
        List<String> out = new ArrayList<>();
        for (Isolation i : isolations.values()) {
            String left = i.untilWall() <= 0 ? "until UNKNOWN" : i.untilWall() > wallNow
                    ? "until " + CLOCK.format(Instant.ofEpochMilli(i.untilWall())) + " ("
                    + DurationText.of(i.untilWall() - wallNow) + " left)"
                    : "ended " + DurationText.of(wallNow - i.untilWall()) + " ago";
            out.add(i.broker() + " avoided by " + i.client() + ": " + i.why() + ", for "
                    + DurationText.of(i.isolationMs()) + ", " + left);
        }
        return out;
    }
}
