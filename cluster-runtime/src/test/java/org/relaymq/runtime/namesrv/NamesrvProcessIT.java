package org.relaymq.runtime.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.DataInputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.header.GetRouteInfoRequestHeader;
import org.relaymq.protocol.wire.FrameCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.testkit.RuntimeProcess;
import org.relaymq.runtime.testkit.WireBrokerRegistrar;

/** The runtime jar's {@code namesrv} command as a real process. */
class NamesrvProcessIT {

    private static final Duration START = Duration.ofSeconds(30);

    @Test
    void startsServesARegisteredBrokerAndStopsCleanlyOnSigterm() throws Exception {
        try (RuntimeProcess ns = RuntimeProcess.start("namesrv", "--host", "127.0.0.1", "--port", "0",
                "--profile", "classroom").awaitReady(START);
             WireBrokerRegistrar broker = new WireBrokerRegistrar("C1", "broker-a", 0, "127.0.0.1:20911")
                     .topic("ProcTopic", 3)) {
            assertThat(ns.role()).isEqualTo("namesrv");
            assertThat(ns.port()).isPositive();
            broker.register(ns.address());
            RemotingCommand answer = broker.client().invokeSync(ns.address(), RemotingCommand.request(
                    RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("ProcTopic", null).toExt()), 3000);
            assertThat(TopicRouteData.decode(answer.body()).queueDatas()).singleElement()
                    .satisfies(q -> assertThat(q.readQueueNums()).isEqualTo(3));
            ns.terminate();
            int code = ns.awaitExit(Duration.ofSeconds(15));
            assertThat(code).as("exit code after SIGTERM (143 = terminated by the signal after hooks ran)")
                    .isIn(0, 143);
            assertThat(ns.stderr()).anyMatch(l -> l.contains("NameServer stopped"));
        }
    }

    /**
     * A killed node resets its connections rather than ending them politely, so a client waiting for an
     * answer learns at once (the official 4.9 client fails waiting calls only on a reset); SIGTERM ends them
     * with an orderly end of stream.
     */
    @Test
    void aKilledNodeResetsItsConnectionsAndAStoppedOneClosesThem() throws Exception {
        for (boolean kill : new boolean[] {true, false}) {
            try (RuntimeProcess ns = RuntimeProcess.start("namesrv", "--host", "127.0.0.1", "--port", "0")
                    .awaitReady(START);
                 Socket socket = new Socket("127.0.0.1", ns.port())) {
                socket.setSoTimeout(15_000);
                DataInputStream in = new DataInputStream(socket.getInputStream());
                socket.getOutputStream().write(FrameCodec.encode(RemotingCommand.request(
                        RequestCode.GET_BROKER_CLUSTER_INFO, Map.of())));
                in.readFully(new byte[in.readInt()]); // the answer: the connection is established and drained
                if (kill) {
                    ns.kill();
                    assertThatThrownBy(in::read).as("read after kill -9").isInstanceOf(SocketException.class)
                            .hasMessageContaining("reset");
                } else {
                    ns.terminate();
                    assertThat(in.read()).as("read after SIGTERM: end of stream").isEqualTo(-1);
                }
                ns.awaitExit(START);
            }
        }
    }

    @Test
    void readsAConfigFileAndReportsKeysItDoesNotUse(@TempDir Path dir) throws Exception {
        Path conf = dir.resolve("namesrv.conf");
        Files.writeString(conf, "listenPort=0\nprofile=classroom\nscanInterval=2s\nbrokerClusterName=oops\n");
        try (RuntimeProcess ns = RuntimeProcess.start("namesrv", "--host", "127.0.0.1", "--config", conf.toString())
                .awaitReady(START)) {
            assertThat(ns.stderr()).anyMatch(l -> l.contains("profile classroom, scan every 2000 ms"));
            assertThat(ns.stderr()).anyMatch(l -> l.contains("does not use: brokerClusterName"));
        }
    }

    @Test
    void aPortInUseOrABadOptionExitsNonZeroWithOneLine() throws Exception {
        try (RuntimeProcess first = RuntimeProcess.start("namesrv", "--host", "127.0.0.1", "--port", "0")
                .awaitReady(START)) {
            try (RuntimeProcess second = RuntimeProcess.start("namesrv", "--host", "127.0.0.1", "--port",
                    Integer.toString(first.port()))) {
                assertThat(second.awaitExit(START)).isEqualTo(1);
                assertThat(lastLine(second.stderr())).isEqualTo("namesrv: cannot listen on 127.0.0.1:" + first.port()
                        + ": Address already in use");
            }
        }
        for (Map.Entry<List<String>, String> bad : Map.of(
                List.of("namesrv", "--bogus"), "Unknown option: '--bogus'",
                List.of("namesrv", "--profile", "turbo"), "unknown profile 'turbo'",
                List.of("namesrv", "--port", "70000"), "port out of range: 70000").entrySet()) {
            try (RuntimeProcess p = RuntimeProcess.start(bad.getKey().toArray(String[]::new))) {
                assertThat(p.awaitExit(START)).as(bad.getKey().toString()).isEqualTo(2);
                assertThat(p.stderr()).as(bad.getKey().toString()).hasSize(1);
                assertThat(p.stderr().get(0)).startsWith("namesrv: ").contains(bad.getValue());
            }
        }
    }

    private static String lastLine(List<String> lines) {
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }
}
