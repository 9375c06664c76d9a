package org.relaymq.console.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import javafx.scene.Parent;
import javafx.stage.Window;
import org.relaymq.console.fx.FxCloseDialog;
import org.relaymq.console.fx.FxConfirmer;
import org.relaymq.console.fx.FxFileChooser;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.ClusterGateway;
import org.relaymq.console.service.DemoCluster;
import org.relaymq.console.service.DemoClusterPlan;
import org.relaymq.console.service.GatewayTimings;
import org.relaymq.console.service.KillCommandSignals;
import org.relaymq.console.service.NodeFaults;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.service.RemoteClusterGateway;
import org.relaymq.console.service.RuntimeJarLauncher;
import org.relaymq.console.service.RuntimeJarLocator;
import org.relaymq.console.service.operations.NodeOperation;
import org.relaymq.console.service.operations.NodeOperations;
import org.relaymq.console.ui.PresenterSettings;
import org.relaymq.console.ui.charts.ChartsView;
import org.relaymq.console.ui.charts.ChartsViewModel;
import org.relaymq.console.ui.main.MainView;
import org.relaymq.console.ui.main.MainViewModel;
import org.relaymq.console.ui.nodes.NodesView;
import org.relaymq.console.ui.nodes.NodesViewModel;
import org.relaymq.console.ui.registrations.RegistrationsView;
import org.relaymq.console.ui.registrations.RegistrationsViewModel;
import org.relaymq.console.ui.routing.RoutingView;
import org.relaymq.console.ui.routing.RoutingViewModel;
import org.relaymq.console.ui.timeline.TimelineView;
import org.relaymq.console.ui.timeline.TimelineViewModel;
import org.relaymq.console.ui.topology.TopologyView;
import org.relaymq.console.ui.topology.TopologyViewModel;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * The composition root: creates the clock, scheduler, gateway, supervisor, view models and views,
 * wires them, runs the refresh ticker, and closes everything in reverse order.
 */
public final class ConsoleContext implements AutoCloseable {

    static final long STALE_AFTER_MS = 3_000;
    private static final String BASE = "/org/relaymq/console/";

    private final TimeSource time = TimeSource.system();
    private final ExecutorScheduler scheduler = new ExecutorScheduler("console-timer", 2);
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "console-operations");
        t.setDaemon(true);
        return t;
    });
    private final UiExecutor ui;
    private final ClusterGateway gateway;
    private final NodeSupervisor supervisor;
    private final NodeFaults faults;
    private final PresenterSettings presenter = new PresenterSettings();
    private final RegistrationsViewModel registrations;
    private final TimelineViewModel timeline;
    private final NodesViewModel nodes;
    private final TopologyViewModel topology;
    private final RoutingViewModel routing;
    private final ChartsViewModel charts;
    private final MainViewModel main;
    private TimelineView timelineView;
    private MainView mainView;
    private Scheduler.Cancellable ticker;

    public ConsoleContext(ConsoleOptions options, UiExecutor ui, Supplier<Window> owner) {
        this.ui = ui;
        this.gateway = new RemoteClusterGateway(scheduler, time, Duration.ofSeconds(1), Duration.ofMillis(1500));
        RuntimeJarLocator jars = RuntimeJarLocator.forThisJvm();
        this.supervisor = new NodeSupervisor(new RuntimeJarLauncher(RuntimeJarLauncher.currentJava(), jars.find(),
                jars.searched(), List.of("-Xmx256m", "-XX:+UseSerialGC")), new KillCommandSignals(), scheduler, time,
                NodeSupervisor.Settings.defaults());
        this.faults = new NodeFaults(supervisor, gateway, scheduler, time, NodeFaults.Settings.defaults());
        this.registrations = new RegistrationsViewModel(time, ui, STALE_AFTER_MS);
        this.timeline = new TimelineViewModel(time, ui, new FxFileChooser(owner), 20_000);
        List<NodeOperation> operations = new ArrayList<>(NodeOperations.forSupervisor(supervisor));
        operations.addAll(NodeOperations.forFaults(faults, new GatewayTimings(gateway)));
        this.nodes = new NodesViewModel(new NodesViewModel.Deps(supervisor, gateway, faults, time, ui, background,
                new FxConfirmer(owner), presenter, STALE_AFTER_MS), operations);
        this.topology = new TopologyViewModel(supervisor, gateway, time, ui, STALE_AFTER_MS);
        this.routing = new RoutingViewModel(gateway, time, ui, STALE_AFTER_MS);
        this.charts = new ChartsViewModel(time, ui, STALE_AFTER_MS);
        DemoCluster demo = new DemoCluster(supervisor, new DemoClusterPlan(options.dataDir(), "classroom",
                options.namesrvExtraArgs(), options.brokerConfExtra()));
        this.main = new MainViewModel(new MainViewModel.Deps(supervisor, gateway, demo, ui, new FxConfirmer(owner),
                new FxCloseDialog(owner), options.prefs(), presenter, registrations::expectNameServer));
        wire();
    }

    private void wire() {
        List.of(registrations, timeline, topology, routing, charts).forEach(gateway::addListener);
        supervisor.addListener(this::onNodeStatus);
    }

    private void onNodeStatus(NodeStatus s) {
        if (s.state() == NodeState.RUNNING && s.hasAddress()) {
            gateway.watch(s.address());
            if ("namesrv".equals(s.role())) {
                registrations.expectNameServer(s.address());
            }
        }
        charts.onNodeStatus(s);
    }

    /** Loads every view (FX thread) and starts the refresh ticker; returns the window's root. */
    public Parent load() {
        timelineView = new TimelineView(timeline);
        Map<String, Parent> tabs = Map.of(
                "registrationsTab", ViewLoader.load(BASE + "ui/registrations/RegistrationsView.fxml",
                        new RegistrationsView(registrations)),
                "timelineTab", ViewLoader.load(BASE + "ui/timeline/TimelineView.fxml", timelineView),
                "nodesTab", ViewLoader.load(BASE + "ui/nodes/NodesView.fxml", new NodesView(nodes)),
                "topologyTab", ViewLoader.load(BASE + "ui/topology/TopologyView.fxml", new TopologyView(topology)),
                "routingTab", ViewLoader.load(BASE + "ui/routing/RoutingView.fxml", new RoutingView(routing)),
                "chartsTab", ViewLoader.load(BASE + "ui/charts/ChartsView.fxml", new ChartsView(charts)));
        mainView = new MainView(main, tabs, stylesheet("dark.css"));
        Parent root = ViewLoader.load(BASE + "ui/main/MainView.fxml", mainView);
        ticker = scheduler.scheduleWithFixedDelay(() -> ui.execute(this::tick), Duration.ofMillis(250),
                Duration.ofMillis(250));
        return root;
    }

    public static String stylesheet(String name) {
        return ConsoleContext.class.getResource(BASE + name).toExternalForm();
    }

    private void tick() {
        registrations.refresh();
        nodes.refresh();
        topology.refresh();
        routing.refresh();
        charts.refresh();
        timelineView.redraw();
    }

    public MainViewModel main() {
        return main;
    }

    public MainView mainView() {
        return mainView;
    }

    public NodesViewModel nodes() {
        return nodes;
    }

    public RegistrationsViewModel registrations() {
        return registrations;
    }

    public RoutingViewModel routing() {
        return routing;
    }

    public NodeSupervisor supervisor() {
        return supervisor;
    }

    public PresenterSettings presenter() {
        return presenter;
    }

    /** What each supervised node said about its fault rules; sets them (partition, delay, heal). */
    public NodeFaults faults() {
        return faults;
    }

    /** Stops the ticker, every node this console started, the fault poller, the gateway, the threads. Idempotent. */
    @Override
    public void close() {
        if (ticker != null) {
            ticker.cancel();
        }
        supervisor.close();
        faults.close();
        gateway.close();
        scheduler.close();
        background.shutdownNow();
        try {
            background.awaitTermination(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
