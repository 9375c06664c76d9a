package org.relaymq.console.ui.main;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.relaymq.console.fx.CloseDialog;
import org.relaymq.console.fx.Confirmer;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.ClusterGateway;
import org.relaymq.console.service.DemoCluster;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.ui.PresenterSettings;

/** The console's own commands: demo cluster, stop all, reset demo data, attach, presenter settings, closing. */
public final class MainViewModel {

    public static final String ATTACH_PREF = "attach.namesrv";

    /** What the main view model needs from the console. */
    public record Deps(NodeSupervisor supervisor, ClusterGateway gateway, DemoCluster demo, UiExecutor ui,
                       Confirmer confirmer, CloseDialog closeDialog, PreferencesStore prefs,
                       PresenterSettings presenter, Consumer<String> nameServerFound) {
    }

    private final Deps d;
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Ready.");
    private final StringProperty attachList = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper closing = new ReadOnlyBooleanWrapper();

    public MainViewModel(Deps deps) {
        this.d = deps;
        attachList.set(deps.prefs().get(ATTACH_PREF).orElse("127.0.0.1:9876"));
    }

    public PresenterSettings presenter() {
        return d.presenter();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** True while the nodes are being stopped before the console exits (the window shows progress). */
    public ReadOnlyBooleanProperty closingProperty() {
        return closing.getReadOnlyProperty();
    }

    public StringProperty attachListProperty() {
        return attachList;
    }

    public void startDemo() {
        status.set("Starting the demo cluster (" + d.demo().plan().profile() + " profile) in "
                + d.demo().plan().dataDir() + " ...");
        d.demo().start().whenComplete((all, error) -> d.ui().execute(() -> {
            if (error != null) {
                status.set("Demo cluster: " + error.getMessage());
                return;
            }
            long running = all.stream().filter(s -> s.state() == NodeState.RUNNING).count();
            long failed = all.stream().filter(s -> s.state() == NodeState.FAILED).count();
            status.set("Demo cluster: " + running + " running, " + failed + " failed to start (see Nodes for the reasons).");
        }));
    }

    public void stopAll() {
        status.set("Stopping every node (SIGTERM) ...");
        d.supervisor().stopAll().whenComplete((v, e) -> d.ui().execute(() -> status.set("All nodes stopped.")));
    }

    public void resetDemoData() {
        if (!d.confirmer().confirm("Reset demo data", "Stop every node and delete " + d.demo().plan().dataDir()
                + "?")) {
            return;
        }
        d.demo().reset().whenComplete((v, e) -> d.ui().execute(() -> status.set(e == null
                ? "Demo data deleted: " + d.demo().plan().dataDir() : "Reset failed: " + e.getMessage())));
    }

    /** Watches every NameServer of a "host:port;host:port" list and remembers the list. */
    public void attach() {
        List<String> addrs = Arrays.stream(attachList.get().split("[;,\\s]+")).map(String::strip)
                .filter(s -> s.matches(".+:\\d+")).toList();
        if (addrs.isEmpty()) {
            status.set("Attach: give NameServers as host:port;host:port");
            return;
        }
        d.prefs().put(ATTACH_PREF, String.join(";", addrs));
        addrs.forEach(a -> {
            d.gateway().watch(a);
            d.nameServerFound().accept(a);
        });
        status.set("Attached to " + addrs + ". RelayMQ nodes stream events; an Apache RocketMQ NameServer shows "
                + "as UNKNOWN events with its limitation (no event stream, no node info).");
    }

    /**
     * The window's close request. True when it may close at once (nothing runs, or the person leaves
     * the nodes running). When the person chooses to stop them, returns false, stops them off the UI
     * thread with progress shown, and runs {@code exit} on the UI thread once they have ended.
     */
    public boolean onCloseRequest(Runnable exit) {
        if (closing.get()) {
            return false;
        }
        List<String> running = d.supervisor().statuses().stream().filter(s -> s.state().alive())
                .map(s -> s.id() + " (pid " + s.pid() + ")").toList();
        if (running.isEmpty()) {
            return true;
        }
        return switch (d.closeDialog().ask(running)) {
            case STOP_NODES_AND_QUIT -> {
                stopThenExit(running.size(), exit);
                yield false;
            }
            case LEAVE_RUNNING_AND_QUIT -> {
                List<String> left = d.supervisor().leaveRunning();
                System.err.println("RelayMQ console: left running on purpose: " + String.join(", ", left));
                yield true;
            }
            case CANCEL -> false;
        };
    }

    private void stopThenExit(int count, Runnable exit) {
        closing.set(true);
        status.set("Stopping " + count + " node(s) before closing: SIGTERM, SIGKILL for any still alive after the "
                + "grace period ...");
        d.supervisor().stopAll().whenComplete((v, e) -> d.ui().execute(() -> {
            status.set(e == null ? "All nodes stopped; closing." : "Stopping failed (" + e.getMessage()
                    + "); closing, the remaining nodes are killed.");
            exit.run();
        }));
    }
}
