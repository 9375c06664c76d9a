package org.relaymq.console.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.relaymq.console.service.FakeProcess;
import org.relaymq.console.service.FakeSignals;
import org.relaymq.console.service.NodeSpec;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.protocol.RelayMqVersion;
import org.relaymq.runtime.common.time.ManualClock;

class SelfCheckTest {

    private final ManualClock clock = new ManualClock();
    /** NameServers and brokers come up; the client commands do not exist (exit 2 before READY). */
    private final NodeSupervisor supervisor = new NodeSupervisor((spec, extra) -> switch (spec.role()) {
        case "namesrv", "broker" -> new FakeProcess().print("READY " + spec.role() + " 127.0.0.1:1" + spec.id().length());
        default -> exited(new FakeProcess().print("relaymq: Unmatched arguments"));
    }, FakeSignals.unsupported("test"), clock, clock, NodeSupervisor.Settings.defaults());

    @AfterEach
    void close() {
        supervisor.close();
    }

    @Test
    void passesOnceANameServerAndABrokerRunEvenIfAClientFailed() throws Exception {
        var result = new SelfCheck(supervisor, true).start(true);
        add("consumer-1", "consumer");
        add("namesrv-1", "namesrv");
        assertThat(result).isNotDone();
        add("broker-a-master", "broker");

        assertThat(result.get(10, TimeUnit.SECONDS)).isNull();
    }

    @Test
    void failsWithTheReasonWhenABrokerCannotStart() throws Exception {
        try (NodeSupervisor broken = new NodeSupervisor((spec, extra) -> "namesrv".equals(spec.role())
                ? new FakeProcess().print("READY namesrv 127.0.0.1:1")
                : exited(new FakeProcess().print("broker: port in use")),
                FakeSignals.unsupported("test"), clock, clock, NodeSupervisor.Settings.defaults())) {
            var result = new SelfCheck(broken, true).start(true);
            broken.add(new NodeSpec("namesrv-1", "namesrv", "namesrv", List.of(), null));
            broken.add(new NodeSpec("broker-b-master", "broker", "broker", List.of(), null));
            broken.start("namesrv-1").get(10, TimeUnit.SECONDS);
            broken.start("broker-b-master").get(10, TimeUnit.SECONDS);

            assertThat(result.get(10, TimeUnit.SECONDS)).startsWith("broker-b-master failed to start");
        }
    }

    @Test
    void withoutTheDemoTheShownWindowIsEnough() throws Exception {
        assertThat(new SelfCheck(supervisor, false).start(true).get(1, TimeUnit.SECONDS)).isNull();
        assertThat(new SelfCheck(supervisor, false).start(false).get(1, TimeUnit.SECONDS))
                .isEqualTo("the main window is not showing");
    }

    @Test
    void reportsOneLineWithVersionJavaAndRuntimeJar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        SelfCheck.report(null, Path.of("/opt/relaymq/lib/runtime/bin/java"),
                Optional.of(Path.of("/opt/relaymq/lib/app/headless/relaymq-runtime.jar")), out);
        SelfCheck.report("broker-a failed", Path.of("java"), Optional.empty(), out);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly(
                "SELF-CHECK OK relaymq-console " + RelayMqVersion.version()
                        + " java=/opt/relaymq/lib/runtime/bin/java runtime=/opt/relaymq/lib/app/headless/relaymq-runtime.jar",
                "SELF-CHECK FAILED broker-a failed");
    }

    private void add(String id, String role) throws Exception {
        supervisor.add(new NodeSpec(id, role, role, List.of(), null));
        supervisor.start(id).get(10, TimeUnit.SECONDS);
    }

    private static FakeProcess exited(FakeProcess p) {
        p.exit(2);
        return p;
    }
}
