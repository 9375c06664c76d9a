package org.relaymq.console.ui.topology;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.ClusterGateway;
import org.relaymq.console.service.ConnectionStatus;
import org.relaymq.console.service.DurationText;
import org.relaymq.console.service.GatewayListener;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.service.ProtocolView;
import org.relaymq.console.ui.Json;
import org.relaymq.console.ui.Level;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * NameServers, broker groups (master / slave) and clients with state badges: processes from the
 * supervisor, registrations from what each NameServer says.
 */
public final class TopologyViewModel implements GatewayListener {

    private final NodeSupervisor supervisor;
    private final ClusterGateway gateway;
    private final TimeSource time;
    private final UiExecutor ui;
    private final long staleAfterMs;
    /** NameServer address → broker address → "brokerName/brokerId". */
    private final Map<String, Map<String, String>> registered = new ConcurrentHashMap<>();
    /** NameServer address → console millis of its last protocol poll (nodes without event stream). */
    private final Map<String, Long> polled = new ConcurrentHashMap<>();
    /** broker node address → role it reports (snapshot, then ROLE events). */
    private final Map<String, String> roles = new ConcurrentHashMap<>();
    private final ObservableList<TopologyItem> items = FXCollections.observableArrayList();

    public TopologyViewModel(NodeSupervisor supervisor, ClusterGateway gateway, TimeSource time, UiExecutor ui,
                             long staleAfterMs) {
        this.supervisor = supervisor;
        this.gateway = gateway;
        this.time = time;
        this.ui = ui;
        this.staleAfterMs = staleAfterMs;
    }

    public ObservableList<TopologyItem> items() {
        return items;
    }

    @Override
    public void onSnapshot(String address, String nodeName, JsonObject state) {
        if (nodeName.startsWith("broker@") && state.has("role")) {
            roles.put(address, Json.text(state, "role"));
            ui.execute(this::refresh);
        }
        if (!nodeName.startsWith("namesrv@") || !state.has("brokers")) {
            return;
        }
        Map<String, String> brokers = new ConcurrentHashMap<>();
        for (JsonElement e : state.getAsJsonArray("brokers")) {
            JsonObject b = e.getAsJsonObject();
            brokers.put(Json.text(b, "brokerAddr"), Json.text(b, "brokerName") + "/" + Json.number(b, "brokerId", 0));
        }
        registered.put(address, brokers);
        ui.execute(this::refresh);
    }

    @Override
    public void onEvent(String address, NodeEvent e) {
        if (EventKind.ROLE.equals(e.kind())) {
            String role = Json.firstText(e.data(), "role", "newRole");
            if (role != null) {
                roles.put(address, role);
                ui.execute(this::refresh);
            }
            return;
        }
        if (!EventKind.NAMESRV_KINDS.contains(e.kind())) {
            return;
        }
        Map<String, String> brokers = registered.computeIfAbsent(address, k -> new ConcurrentHashMap<>());
        String addr = e.text("brokerAddr");
        if (addr == null) {
            return;
        }
        switch (e.kind()) {
            case EventKind.BROKER_REGISTERED, EventKind.BROKER_HEARTBEAT ->
                    brokers.put(addr, e.text("brokerName") + "/" + e.number("brokerId", 0));
            case EventKind.BROKER_EXPIRED, EventKind.BROKER_DISCONNECTED, EventKind.BROKER_UNREGISTERED ->
                    brokers.remove(addr);
            default -> {
                return;
            }
        }
        ui.execute(this::refresh);
    }

    public void refresh() {
        long now = time.monotonicMillis();
        List<TopologyItem> out = new ArrayList<>();
        for (NodeStatus s : supervisor.statuses()) {
            if (s.role().equals("namesrv")) {
                out.add(process("NameServers", s, now, "knows " + brokersKnownBy(s.address()) + " broker(s)"));
            }
        }
        attachedNameServers(now, out);
        brokerGroups(now, out);
        for (NodeStatus s : supervisor.statuses()) {
            if (s.role().equals("producer") || s.role().equals("consumer")) {
                out.add(process("Clients", s, now, s.role()));
            }
        }
        items.setAll(out);
    }

    /** NameServers watched but not started by this console (attach mode), with what their link can tell. */
    private void attachedNameServers(long now, List<TopologyItem> out) {
        Set<String> managed = new HashSet<>();
        supervisor.statuses().stream().filter(NodeStatus::hasAddress).forEach(s -> managed.add(s.address()));
        for (String addr : registered.keySet()) {
            if (managed.contains(addr)) {
                continue;
            }
            ConnectionStatus link = gateway.connection(addr);
            String fresh = polled.containsKey(addr) ? "POLLED " + DurationText.of(
                    now - polled.get(addr)) + " ago" : link.freshness(now, staleAfterMs).label();
            String detail = "attached · knows " + brokersKnownBy(addr) + " broker(s)"
                    + (link.limitation() == null ? "" : " · " + link.limitation());
            out.add(new TopologyItem("NameServers", addr, detail, fresh, fresh.startsWith("LIVE")
                    || fresh.startsWith("POLLED") ? Level.OK : Level.WARN));
        }
    }

    @Override
    public void onProtocolView(String address, ProtocolView view) {
        Map<String, String> brokers = new ConcurrentHashMap<>();
        view.brokers().forEach(b -> brokers.put(b.address(), b.brokerName() + "/" + b.brokerId()));
        registered.put(address, brokers);
        polled.put(address, view.polledAtMillis());
        ui.execute(this::refresh);
    }

    private String brokersKnownBy(String nsAddr) {
        Map<String, String> b = nsAddr == null ? null : registered.get(nsAddr);
        return b == null ? "?" : Integer.toString(b.size());
    }

    private void brokerGroups(long now, List<TopologyItem> out) {
        Map<String, TopologyItem> byName = new TreeMap<>();
        Set<String> managed = new HashSet<>();
        for (NodeStatus s : supervisor.statuses()) {
            if (s.role().equals("broker")) {
                byName.put(s.id(), process(groupOf(s.id()), s, now, brokerDetail(s)));
                if (s.hasAddress()) {
                    managed.add(s.address());
                }
            }
        }
        Map<String, Integer> seenBy = new TreeMap<>();
        registered.values().forEach(m -> m.forEach((addr, name) -> {
            if (!managed.contains(addr)) {
                seenBy.merge(name + " @ " + addr, 1, Integer::sum);
            }
        }));
        seenBy.forEach((key, count) -> {
            String group = key.substring(0, key.indexOf('/'));
            boolean master = key.contains("/0 ");
            byName.putIfAbsent(key, new TopologyItem(group, key, (master ? "master" : "slave") + ", registered with "
                    + count + "/" + registered.size() + " NameServer(s) (not started by this console)", "REGISTERED",
                    Level.OK));
        });
        byName.values().stream().sorted((a, b) -> a.section().compareTo(b.section())).forEach(out::add);
    }

    /** "master (ASYNC_MASTER) · registered with 2/2 NameServer(s)", or what is unknown. */
    private String brokerDetail(NodeStatus s) {
        String planned = s.id().endsWith("-master") ? "master" : "slave";
        String role = s.hasAddress() ? roles.get(s.address()) : null;
        String reg = registered.isEmpty() || !s.hasAddress() ? "registrations UNKNOWN"
                : "registered with " + registered.values().stream().filter(m -> m.containsKey(s.address())).count()
                + "/" + registered.size() + " NameServer(s)";
        return planned + (role == null ? "" : " (" + role + ")") + " · " + reg;
    }

    private static String groupOf(String nodeId) {
        return nodeId.replace("-master", "").replace("-slave", "");
    }

    private TopologyItem process(String section, NodeStatus s, long now, String what) {
        String link = s.hasAddress() && s.state().alive()
                ? gateway.connection(s.address()).freshness(now, staleAfterMs).label() : "";
        String badge = s.state() + (link.isEmpty() ? "" : " · " + link);
        Level level = switch (s.state()) {
            case RUNNING -> link.startsWith("LIVE") ? Level.OK : Level.WARN;
            case STARTING, STOPPING, NEW -> Level.UNKNOWN;
            case PAUSED -> Level.WARN;
            case STOPPED, EXITED -> Level.GONE;
            case KILLED, FAILED -> Level.DANGER;
        };
        String detail = what + (s.hasAddress() ? " · " + s.address() : "")
                + (s.state() == NodeState.FAILED ? " · " + s.detail() : "");
        return new TopologyItem(section, s.id(), detail, badge, level);
    }
}
