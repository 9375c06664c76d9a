package org.relaymq.runtime.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.NameServer;
import org.relaymq.runtime.namesrv.NameServerNodeConfig;
import org.relaymq.runtime.namesrv.NamesrvConfig;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.testkit.RuntimeProcess;
import picocli.CommandLine;

/**
 * {@code admin faults} against a real {@code produce} process (its event port answers for the fault table its
 * client connections use), with the NameServer in this JVM: set, show and heal run the command in this JVM; the
 * one-line failures (exit code, nothing else on stderr) run it as real processes.
 */
class AdminFaultsProcessIT {

    private static final Duration START = Duration.ofSeconds(30);

    /** {@code admin faults ARGS} as a real process, to its end. */
    private static RuntimeProcess adminProcess(String... args) throws Exception {
        RuntimeProcess p = RuntimeProcess.start(withFaults(args));
        p.awaitExit(START);
        return p;
    }

    /** {@code admin faults ARGS} in this JVM (saving a JVM start per call); must exit 0; returns stdout lines. */
    private static List<String> admin(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = RelayMqMain.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        assertThat(cl.execute(withFaults(args))).as(String.join(" ", args) + ": " + err).isZero();
        return out.toString().lines().toList();
    }

    private static String[] withFaults(String... args) {
        String[] cmd = new String[args.length + 2];
        cmd[0] = "admin";
        cmd[1] = "faults";
        System.arraycopy(args, 0, cmd, 2, args.length);
        return cmd;
    }

    @Test
    void setsShowsAndHealsTheFaultsOfAClientProcessAndFailsWithOneLine() throws Exception {
        try (ExecutorScheduler scheduler = new ExecutorScheduler("admin-faults-it-timer", 1);
             NameServer ns = new NameServer(NameServerNodeConfig.loopback(NamesrvConfig.fromProfile(
                     TimingProfile.CLASSROOM)), TimeSource.system(), scheduler).start();
             NettyRemotingClient remoting = new NettyRemotingClient(RemotingClientConfig.defaults()
                     .withName("admin-faults-it"), scheduler, TimeSource.system());
             RuntimeProcess producer = RuntimeProcess.start("produce", "--namesrv", ns.address(), "--topic",
                     "FaultsProcTopic", "--rate", "20", "--profile", "classroom").awaitReady(START)) {
            String node = producer.address();
            String header = "faults on " + node + ", acting on " + ClientNodeServer.FAULTS_APPLY_TO;

            List<String> set = admin("--node", node, "--drop", ns.address(), "--delay", "*=200");
            assertThat(set).containsExactly(header, "  drop " + ns.address(), "  delay 200 ms *",
                    set.get(3));
            assertThat(set.get(3)).startsWith("dropped frames ").contains("open connections");

            await().atMost(Duration.ofSeconds(15)).until(() -> droppedFrames(remoting, node) > 0);
            List<String> shown = admin("--node", node);
            assertThat(shown.subList(0, 3)).containsExactly(header, "  drop " + ns.address(), "  delay 200 ms *");
            assertThat(shown.get(3)).doesNotStartWith("dropped frames 0,");

            assertThat(admin("--node", node, "--heal")).startsWith(header, "  none");

            RuntimeProcess bad = adminProcess("--node", node, "--delay", "*=soon");
            assertThat(bad.process().exitValue()).isEqualTo(2);
            assertThat(bad.stderr()).singleElement().isEqualTo("faults: --delay *=soon: MILLIS is not a whole "
                    + "number (see 'relaymq admin faults --help')");

            String nobody = "127.0.0.1:" + closedPort();
            RuntimeProcess unreachable = adminProcess("--node", nobody);
            assertThat(unreachable.process().exitValue()).isEqualTo(1);
            assertThat(unreachable.stderr()).singleElement()
                    .satisfies(l -> assertThat(l).startsWith("relaymq admin faults: cannot reach " + nobody + ": "));
        }
    }

    private static long droppedFrames(NettyRemotingClient remoting, String node) throws Exception {
        RemotingCommand answer = remoting.invokeSync(node, RemotingCommand.request(RequestCode.GET_FAULTS, Map.of()),
                3000);
        JsonObject state = JsonParser.parseString(new String(answer.body(), StandardCharsets.UTF_8)).getAsJsonObject();
        return state.get("droppedFrames").getAsLong();
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
