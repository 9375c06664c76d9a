package org.relaymq.console.ui.nodes;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.relaymq.console.fx.Confirmer;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.ClusterGateway;
import org.relaymq.console.service.DurationText;
import org.relaymq.console.service.NodeFaults;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.service.operations.NodeOperation;
import org.relaymq.console.ui.FaultText;
import org.relaymq.console.ui.Json;
import org.relaymq.console.ui.PresenterSettings;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * The process table: role, address and ports, pid, profile, uptime, state, fault rules (as the node
 * said them); the operations for the selected node (destructive ones confirm unless presenting mode
 * is on); the selected node's log.
 */
public final class NodesViewModel {

    private final NodeSupervisor supervisor;
    private final ClusterGateway gateway;
    private final NodeFaults faults;
    private final TimeSource time;
    private final UiExecutor ui;
    private final Executor background;
    private final Confirmer confirmer;
    private final PresenterSettings presenter;
    private final long staleAfterMs;
    private final ObservableList<NodeRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObjectProperty<String> selectedId = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper selectedTitle = new ReadOnlyStringWrapper("no node selected");
    private final Map<String, OperationCommand> commands = new LinkedHashMap<>();

    /** What the view model needs from the console. */
    public record Deps(NodeSupervisor supervisor, ClusterGateway gateway, NodeFaults faults, TimeSource time,
                       UiExecutor ui, Executor background, Confirmer confirmer, PresenterSettings presenter,
                       long staleAfterMs) {
    }

    public NodesViewModel(Deps d, List<NodeOperation> operations) {
        this.supervisor = d.supervisor();
        this.gateway = d.gateway();
        this.faults = d.faults();
        this.time = d.time();
        this.ui = d.ui();
        this.background = d.background();
        this.confirmer = d.confirmer();
        this.presenter = d.presenter();
        this.staleAfterMs = d.staleAfterMs();
        operations.forEach(op -> commands.put(op.name(), new OperationCommand(op, () -> run(op))));
        selectedId.addListener((o, a, b) -> refresh());
        supervisor.addListener(s -> ui.execute(this::refresh));
        faults.addListener(() -> ui.execute(this::refresh));
    }

    public ObservableList<NodeRow> rows() {
        return rows;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ObjectProperty<String> selectedIdProperty() {
        return selectedId;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty selectedTitleProperty() {
        return selectedTitle.getReadOnlyProperty();
    }

    public List<OperationCommand> commands() {
        return List.copyOf(commands.values());
    }

    /**
     * The command for an operation name ("Start", "Stop", "Kill -9", "Pause", "Resume", "Restart",
     * "Partition", "Delay", "Heal").
     */
    public Optional<OperationCommand> command(String name) {
        return Optional.ofNullable(commands.get(name));
    }

    private void run(NodeOperation op) {
        String id = selectedId.get();
        Optional<NodeStatus> target = id == null ? Optional.empty() : supervisor.status(id);
        if (target.isEmpty() || !op.appliesTo(target.get())) {
            return;
        }
        String expect = op.expectation(target.get());
        if (op.destructive() && !presenter.presentingModeProperty().get()
                && !confirmer.confirm(op.name() + " " + id, op.confirmation(target.get()))) {
            message.set(op.name() + " " + id + ": cancelled");
            return;
        }
        message.set(op.name() + " " + id + " — expect: " + expect);
        background.execute(() -> op.execute(target.get()).whenComplete((done, error) -> ui.execute(() -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null
                        ? error.getCause() : error;
                message.set(op.name() + " " + id + " failed: " + cause.getMessage());
            } else if (done != null) {
                message.set(op.name() + " " + id + " — " + done + ". Expect: " + expect);
            }
            refresh();
        })));
    }

    /** Recomputes rows, enabled operations and the selected log for now. */
    public void refresh() {
        long now = time.monotonicMillis();
        List<NodeRow> out = new ArrayList<>();
        for (NodeStatus s : supervisor.statuses()) {
            out.add(row(s, now));
        }
        rows.setAll(out);
        Optional<NodeStatus> sel = Optional.ofNullable(selectedId.get()).flatMap(supervisor::status);
        commands.values().forEach(c -> c.select(sel.orElse(null)));
        selectedTitle.set(sel.map(s -> s.id() + " — " + s.state() + ": " + s.detail()
                + (s.state().alive() ? " · faults: " + faultText(s) : "")).orElse("no node selected"));
        List<String> lines = sel.map(s -> supervisor.log(s.id())).orElse(List.of());
        if (!lines.equals(log)) {
            log.setAll(lines);
        }
    }

    private NodeRow row(NodeStatus s, long now) {
        Optional<JsonObject> info = s.hasAddress() ? gateway.nodeInfo(s.address()) : Optional.empty();
        String profile = info.map(i -> Json.text(i, "profile")).orElse("—");
        String uptime = s.state().alive() && s.startedAtMonotonic() >= 0 ? DurationText.of(now - s.startedAtMonotonic())
                : "—";
        String link = s.hasAddress() && s.state().alive()
                ? gateway.connection(s.address()).freshness(now, staleAfterMs).label() : "—";
        return new NodeRow(s.id(), s.role(), s.hasAddress() ? s.address() : "—", ports(s), s.pid() > 0
                ? Long.toString(s.pid()) : "—", profile, uptime, s.state(), s.detail(), link, faultText(s));
    }

    /**
     * What the node's process said about its fault rules ("unknown" until it did); "—" without a
     * process, since rules die with it.
     */
    private String faultText(NodeStatus s) {
        return s.state().alive() ? FaultText.of(faults.status(s.id())) : FaultText.NONE;
    }

    private static String ports(NodeStatus s) {
        if (!s.hasAddress()) {
            return "—";
        }
        int port = Integer.parseInt(s.address().substring(s.address().lastIndexOf(':') + 1));
        return "broker".equals(s.role()) ? port + " (+" + (port - 2) + " vip, " + (port + 1) + " HA)" : Integer.toString(port);
    }
}
