package org.relaymq.console.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;

/** The supervisor on real namesrv processes of the built runtime jar. */
class NodeSupervisorIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ExecutorScheduler scheduler = new ExecutorScheduler("supervisor-it", 2);
    private final NodeSupervisor supervisor = RealNodes.supervisor(scheduler);
    private final List<ProcessHandle> seen = new ArrayList<>();

    @AfterEach
    void noProcessSurvives() {
        supervisor.close();
        scheduler.close();
        for (ProcessHandle p : seen) {
            assertThat(p.isAlive()).as("pid %d after close", p.pid()).isFalse();
        }
    }

    private NodeStatus startAndAwaitRunning(String id) throws Exception {
        supervisor.add(RealNodes.namesrv(id));
        var settled = supervisor.whenSettled(id);
        supervisor.start(id);
        NodeStatus s = settled.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(s.state()).as("%s: %s", s.detail(), supervisor.log(id)).isEqualTo(NodeState.RUNNING);
        ProcessHandle.of(s.pid()).ifPresent(seen::add);
        return s;
    }

    @Test
    void pauseFreezesTheProcessAndResumeThawsIt() throws Exception {
        NodeStatus running = startAndAwaitRunning("ns-pause");
        assertThat(running.address()).startsWith("127.0.0.1:");
        try (RemoteClusterGateway gateway = new RemoteClusterGateway(scheduler, TimeSource.system(),
                Duration.ofMillis(300), Duration.ofMillis(500))) {
            gateway.watch(running.address());
            await().atMost(WAIT).until(() -> gateway.connection(running.address()).streaming());

            NodeStatus paused = supervisor.pause("ns-pause").get(5, TimeUnit.SECONDS);
            assertThat(paused.state()).isEqualTo(NodeState.PAUSED);
            await().atMost(WAIT).until(() -> RealNodes.procState(running.pid()).orElse('T') == 'T');
            await().atMost(WAIT).until(() -> gateway.connection(running.address()).error() != null);
            assertThat(gateway.connection(running.address()).error()).contains("no answer");

            assertThat(supervisor.resume("ns-pause").get(5, TimeUnit.SECONDS).state()).isEqualTo(NodeState.RUNNING);
            await().atMost(WAIT).until(() -> RealNodes.procState(running.pid()).orElse('S') != 'T');
            await().atMost(WAIT).until(() -> gateway.connection(running.address()).error() == null);
        }
    }

    @Test
    void killMinus9EndsItAtOnceAndRestartComesBackOnTheSamePort() throws Exception {
        NodeStatus running = startAndAwaitRunning("ns-kill");
        NodeStatus killed = supervisor.kill("ns-kill").get(10, TimeUnit.SECONDS);
        assertThat(killed.state()).isEqualTo(NodeState.KILLED);
        assertThat(killed.detail()).contains("SIGKILL");
        assertThat(ProcessHandle.of(running.pid()).map(ProcessHandle::isAlive).orElse(false)).isFalse();

        supervisor.restart("ns-kill").get(10, TimeUnit.SECONDS);
        NodeStatus again = supervisor.whenSettled("ns-kill").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        ProcessHandle.of(again.pid()).ifPresent(seen::add);
        assertThat(again.state()).isEqualTo(NodeState.RUNNING);
        assertThat(again.address()).isEqualTo(running.address());
        assertThat(again.pid()).isNotEqualTo(running.pid());
    }

    @Test
    void stopSendsSigtermAndTheNodeEndsGracefully() throws Exception {
        NodeStatus running = startAndAwaitRunning("ns-stop");
        NodeStatus stopped = supervisor.stop("ns-stop").get(15, TimeUnit.SECONDS);
        assertThat(stopped.state()).isEqualTo(NodeState.STOPPED);
        assertThat(supervisor.log("ns-stop")).anyMatch(l -> l.startsWith("READY namesrv " + running.address()));
    }

    @Test
    void aCommandTheRuntimeDoesNotHaveFailsWithItsOwnErrorLine() throws Exception {
        supervisor.add(new NodeSpec("no-such", "broker", "no-such-command", List.of(), null));
        var settled = supervisor.whenSettled("no-such");
        supervisor.start("no-such");
        NodeStatus failed = settled.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(failed.state()).isEqualTo(NodeState.FAILED);
        assertThat(failed.detail()).contains("no-such-command").contains("exit code");
    }

    @Test
    void closingTheSupervisorStopsEveryNodeItStarted() throws Exception {
        NodeStatus a = startAndAwaitRunning("ns-a");
        NodeStatus b = startAndAwaitRunning("ns-b");
        supervisor.close();
        for (long pid : List.of(a.pid(), b.pid())) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
        }
        assertThat(supervisor.running()).isEmpty();
    }
}
