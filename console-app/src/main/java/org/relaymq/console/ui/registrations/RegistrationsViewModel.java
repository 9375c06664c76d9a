package org.relaymq.console.ui.registrations;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.ConnectionStatus;
import org.relaymq.console.service.DurationText;
import org.relaymq.console.service.Freshness;
import org.relaymq.console.service.GatewayListener;
import org.relaymq.console.service.ProtocolView;
import org.relaymq.console.service.RemoteClusterGateway;
import org.relaymq.console.ui.Json;
import org.relaymq.console.ui.Level;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * Per NameServer × broker: time since the last heartbeat, countdown to the next one expected, a bar
 * filling toward expiry, and why a broker left. Fed by NameServer snapshots and events; recomputed
 * from the injected clock on every {@link #refresh()}.
 */
public final class RegistrationsViewModel implements GatewayListener {

    private final TimeSource time;
    private final UiExecutor ui;
    private final long staleAfterMs;
    private final Map<String, NameServerState> nameServers = new LinkedHashMap<>();
    private final ObservableList<RegistrationRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> nameServerSummaries = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("No NameServer watched yet.");

    private static final class NameServerState {
        ConnectionStatus connection;
        String profile;
        long registerIntervalMs = -1;
        ProtocolView polled;
        final Map<String, BrokerEntry> brokers = new TreeMap<>();

        NameServerState(String address) {
            connection = ConnectionStatus.unknown(address);
        }
    }

    public RegistrationsViewModel(TimeSource time, UiExecutor ui, long staleAfterMs) {
        this.time = time;
        this.ui = ui;
        this.staleAfterMs = staleAfterMs;
    }

    public ObservableList<RegistrationRow> rows() {
        return rows;
    }

    public ObservableList<String> nameServerSummaries() {
        return nameServerSummaries;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** A NameServer the console knows of (started or attached), shown as UNKNOWN until it answers. */
    public void expectNameServer(String address) {
        ui.execute(() -> {
            nameServers.computeIfAbsent(address, NameServerState::new);
            refresh();
        });
    }

    @Override
    public void onSnapshot(String address, String nodeName, JsonObject state) {
        if (!nodeName.startsWith("namesrv@")) {
            return;
        }
        long now = time.monotonicMillis();
        ui.execute(() -> applySnapshot(address, state, now));
    }

    @Override
    public void onEvent(String address, NodeEvent event) {
        if (!EventKind.NAMESRV_KINDS.contains(event.kind())) {
            return;
        }
        long now = time.monotonicMillis();
        ui.execute(() -> applyEvent(address, event, now));
    }

    @Override
    public void onConnection(ConnectionStatus status) {
        ui.execute(() -> {
            NameServerState ns = nameServers.get(status.address());
            boolean namesrv = status.nodeName() != null && status.nodeName().startsWith("namesrv@");
            if (ns == null && namesrv) {
                ns = nameServers.computeIfAbsent(status.address(), NameServerState::new);
            }
            if (ns != null) {
                ns.connection = status;
            }
        });
    }

    @Override
    public void onProtocolView(String address, ProtocolView view) {
        ui.execute(() -> {
            nameServers.computeIfAbsent(address, NameServerState::new).polled = view;
            refresh();
        });
    }

    /** Rows of a NameServer known only through the protocol: what it lists, with the poll's age. */
    private List<RegistrationRow> polledRows(String nsAddr, ProtocolView v, long now) {
        long age = now - v.polledAtMillis();
        String freshness = age <= v.intervalMillis() + staleAfterMs ? "POLLED " + DurationText.of(age) + " ago"
                : "STALE (polled " + DurationText.of(age) + " ago)";
        String unknown = "UNKNOWN (not in the protocol)";
        return v.brokers().stream().map(b -> new RegistrationRow(nsAddr, b.brokerName() + " / " + b.brokerId()
                + (b.brokerId() == 0 ? " (master)" : " (slave)"), b.address(), unknown, unknown, -1,
                "expiry not told", Level.UNKNOWN, "registered (listed by cluster info)", freshness)).toList();
    }

    private void applySnapshot(String address, JsonObject state, long now) {
        NameServerState ns = nameServers.computeIfAbsent(address, NameServerState::new);
        ns.profile = Json.text(state, "profile");
        ns.registerIntervalMs = TimingProfile.byName(ns.profile).map(p -> p.brokerRegisterInterval().toMillis())
                .orElse(-1L);
        long expiry = Json.number(state, "brokerExpiryMs", -1);
        Map<String, BrokerEntry> fresh = new TreeMap<>();
        if (state.has("brokers")) {
            for (JsonElement e : state.getAsJsonArray("brokers")) {
                JsonObject b = e.getAsJsonObject();
                BrokerEntry entry = entry(fresh, b);
                entry.expiryMs = expiry;
                entry.heartbeat(now - Json.number(b, "idleMs", 0));
            }
        }
        ns.brokers.values().stream().filter(b -> b.removedReason != null)
                .forEach(b -> fresh.putIfAbsent(b.brokerAddr, b));
        ns.brokers.clear();
        ns.brokers.putAll(fresh);
        refresh();
    }

    private void applyEvent(String address, NodeEvent event, long now) {
        NameServerState ns = nameServers.computeIfAbsent(address, NameServerState::new);
        JsonObject d = event.data();
        switch (event.kind()) {
            case EventKind.BROKER_REGISTERED, EventKind.BROKER_HEARTBEAT -> {
                BrokerEntry entry = entry(ns.brokers, d);
                entry.expiryMs = Json.number(d, "expiryMs", entry.expiryMs);
                entry.heartbeat(now - Json.number(d, "idleMs", 0));
            }
            case EventKind.SCAN -> rescan(ns, d, now);
            case EventKind.BROKER_EXPIRED, EventKind.BROKER_DISCONNECTED, EventKind.BROKER_UNREGISTERED -> {
                BrokerEntry entry = entry(ns.brokers, d);
                String reason = Json.text(d, "reason");
                entry.removed(reason != null ? reason : event.kind().substring("BROKER_".length()), now,
                        Json.number(d, "silentForMs", -1));
            }
            default -> {
                return;
            }
        }
        refresh();
    }

    private static void rescan(NameServerState ns, JsonObject d, long now) {
        if (!d.has("brokers")) {
            return;
        }
        for (JsonElement e : d.getAsJsonArray("brokers")) {
            JsonObject b = e.getAsJsonObject();
            BrokerEntry entry = ns.brokers.get(Json.text(b, "brokerAddr"));
            if (entry != null) {
                entry.reanchor(now - Json.number(b, "idleMs", 0));
            }
        }
    }

    private static BrokerEntry entry(Map<String, BrokerEntry> brokers, JsonObject d) {
        BrokerEntry entry = brokers.computeIfAbsent(Json.text(d, "brokerAddr"), BrokerEntry::new);
        entry.cluster = Json.text(d, "cluster");
        entry.brokerName = Json.text(d, "brokerName");
        entry.brokerId = Json.number(d, "brokerId", entry.brokerId);
        return entry;
    }

    /** Recomputes every row for now (called by the console's ticker and after each change). */
    public void refresh() {
        long now = time.monotonicMillis();
        List<RegistrationRow> out = new ArrayList<>();
        List<String> summaries = new ArrayList<>();
        for (var e : nameServers.entrySet()) {
            NameServerState ns = e.getValue();
            Freshness f = ns.connection.freshness(now, staleAfterMs);
            summaries.add(e.getKey() + "  " + f.label() + (ns.profile != null ? "  profile " + ns.profile : "")
                    + "  brokers " + (f.kind() == Freshness.Kind.UNKNOWN ? "?" : ns.brokers.values().stream()
                    .filter(b -> b.removedReason == null).count())
                    + (ns.polled == null ? "" : "  protocol only: " + ns.polled.brokers().size()
                    + " broker address(es) listed" + (ns.polled.error() == null ? "" : ", " + ns.polled.error())));
            ns.brokers.values().forEach(b -> out.add(b.row(e.getKey(), f, ns.registerIntervalMs, now)));
            if (ns.polled != null) {
                out.addAll(polledRows(e.getKey(), ns.polled, now));
            }
        }
        rows.setAll(out);
        nameServerSummaries.setAll(summaries);
        boolean protocolOnly = nameServers.values().stream().anyMatch(ns -> ns.polled != null);
        message.set(nameServers.isEmpty() ? "No NameServer watched yet."
                : protocolOnly ? RemoteClusterGateway.NOT_RELAYMQ + " (polled every "
                + DurationText.of(nameServers.values().stream().filter(ns -> ns.polled != null).findFirst()
                .orElseThrow().polled.intervalMillis()) + ")."
                : out.isEmpty() ? "No broker has registered with any NameServer yet." : "");
    }
}
