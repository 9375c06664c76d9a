package org.relaymq.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.console.fx.CloseDialog;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.DemoCluster;
import org.relaymq.console.service.DemoClusterPlan;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.service.FakeProcess;
import org.relaymq.console.service.KillCommandSignals;
import org.relaymq.console.service.NodeSpec;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.ui.PresenterSettings;
import org.relaymq.runtime.common.time.ManualClock;

class MainViewModelTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<FakeProcess> launched = new CopyOnWriteArrayList<>();
    private final NodeSupervisor supervisor = new NodeSupervisor((spec, extra) -> {
        FakeProcess p = new FakeProcess().ignoreSigterm().print("READY namesrv 127.0.0.1:19876");
        launched.add(p);
        return p;
    }, new KillCommandSignals(), clock, clock, NodeSupervisor.Settings.defaults());

    @AfterEach
    void stop() {
        supervisor.running().forEach(id -> supervisor.kill(id).join());
        supervisor.close();
        launched.forEach(FakeProcess::destroyForcibly);
    }

    private MainViewModel model(CloseDialog.Choice choice) {
        CloseDialog dialog = running -> {
            asked.add(String.join(", ", running));
            return choice;
        };
        return new MainViewModel(new MainViewModel.Deps(supervisor, new FakeClusterGateway(),
                new DemoCluster(supervisor, DemoClusterPlan.classroom(dir)), UiExecutor.sameThread(),
                (title, question) -> true, dialog, PreferencesStore.inMemory(), new PresenterSettings(), ns -> { }));
    }

    private void startOneNode() throws Exception {
        supervisor.add(new NodeSpec("namesrv-1", "namesrv", "namesrv", List.of(), null));
        supervisor.start("namesrv-1");
        supervisor.whenSettled("namesrv-1").get();
    }

    @Test
    void closingWithNothingRunningClosesAtOnce() {
        assertThat(model(CloseDialog.Choice.STOP_NODES_AND_QUIT).onCloseRequest(() -> { })).isTrue();
        assertThat(asked).isEmpty();
    }

    @Test
    void stoppingNodesOnCloseReturnsAtOnceShowsProgressAndExitsWhenTheyHaveEnded() throws Exception {
        startOneNode();
        MainViewModel vm = model(CloseDialog.Choice.STOP_NODES_AND_QUIT);
        AtomicBoolean exited = new AtomicBoolean();

        assertThat(vm.onCloseRequest(() -> exited.set(true))).as("the window waits, the UI thread does not").isFalse();
        assertThat(vm.closingProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Stopping 1 node(s) before closing");
        assertThat(exited).isFalse();
        assertThat(vm.onCloseRequest(() -> exited.set(true))).as("a second close request while stopping").isFalse();
        assertThat(asked).hasSize(1);

        clock.advance(NodeSupervisor.Settings.defaults().stopGrace());
        await().atMost(Duration.ofSeconds(10)).untilTrue(exited);
        assertThat(supervisor.status("namesrv-1").orElseThrow().state().alive()).isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("All nodes stopped; closing.");
    }

    @Test
    void leavingTheNodesRunningClosesAtOnceAndNoLongerOwnsThem() throws Exception {
        startOneNode();
        MainViewModel vm = model(CloseDialog.Choice.LEAVE_RUNNING_AND_QUIT);
        AtomicBoolean exited = new AtomicBoolean();

        assertThat(vm.onCloseRequest(() -> exited.set(true))).as("the window closes now").isTrue();
        assertThat(asked).singleElement().asString().startsWith("namesrv-1 (pid ");
        assertThat(vm.closingProperty().get()).isFalse();
        assertThat(exited).as("the window closes itself, no exit callback").isFalse();
        assertThat(supervisor.running()).as("handed over, not stopped").isEmpty();
        supervisor.close();
        assertThat(launched).singleElement().satisfies(p -> assertThat(p.isAlive()).isTrue());
    }

    @Test
    void cancelKeepsTheWindowAndTheNodes() throws Exception {
        startOneNode();
        MainViewModel vm = model(CloseDialog.Choice.CANCEL);
        assertThat(vm.onCloseRequest(() -> { })).isFalse();
        assertThat(vm.closingProperty().get()).isFalse();
        assertThat(supervisor.status("namesrv-1").orElseThrow().state()).isEqualTo(NodeState.RUNNING);
    }
}
