package org.relaymq.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.admin.RelayAdmin;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.producer.RelayProducer;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.telemetry.RemoteEventSubscriber;
import org.relaymq.runtime.testkit.RuntimeProcess;

/**
 * {@code produce}, {@code consume} and {@code admin} as real processes of the runtime jar, against our
 * NameServer and an Apache 4.9.7 broker in this JVM: READY lines, the consumer's event port, graceful stop.
 */
class ClientProcessIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String TOPIC = "ProcTopic";

    @TempDir
    Path dir;

    @Test
    void producerAndConsumerProcessesAreWatchedOverTheirEventPortsAndStopOnSigterm() throws Exception {
        try (ApacheCluster cluster = new ApacheCluster(dir).nameServers(1).broker("broker-a");
             ExecutorScheduler scheduler = new ExecutorScheduler("it-watch-timer", 1);
             NettyRemotingClient remoting = new NettyRemotingClient(RemotingClientConfig.defaults()
                     .withName("it-watch"), scheduler, TimeSource.system());
             RemoteEventSubscriber watcher = new RemoteEventSubscriber(remoting);
             RuntimeProcess consumer = RuntimeProcess.start("consume", "--namesrv", cluster.namesrvAddr(),
                     "--topic", TOPIC, "--group", "cg-proc", "--from", "first", "--profile", "classroom",
                     "--rebalance-interval", "1s", "--report-interval", "500ms").awaitReady(START)) {
            assertThat(consumer.role()).isEqualTo("consumer");
            List<NodeEvent> events = new CopyOnWriteArrayList<>();
            RemoteEventSubscriber.Snapshot snapshot = watcher.subscribe(consumer.address(), events::add, 5000);
            assertThat(snapshot.node()).isEqualTo("consumer@" + consumer.address());
            assertThat(snapshot.state().get("group").getAsString()).isEqualTo("cg-proc");
            RemotingCommand info = remoting.invokeSync(consumer.address(), RemotingCommand.request(
                    RequestCode.GET_NODE_INFO, Map.of()), 5000);
            assertThat(new String(info.body(), StandardCharsets.UTF_8)).contains("\"role\":\"consumer\"");

            produceTwentyAndStop(cluster, consumer);
            await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.kind().equals(EventKind.REBALANCE))
                    && events.stream().anyMatch(e -> e.kind().equals(EventKind.PULL_SOURCE)));
            assertThat(events).filteredOn(e -> e.kind().equals(EventKind.PULL_SOURCE))
                    .anySatisfy(e -> assertThat(e.data().get("source").getAsString()).isEqualTo("master"));
            assertThat(events).allMatch(e -> e.node().equals("consumer@" + consumer.address()));

            consumer.terminate();
            assertThat(consumer.awaitExit(Duration.ofSeconds(15))).isIn(0, 143);
            assertThat(consumer.stderr()).anyMatch(l -> l.contains("consumed=20") && l.contains("stopped"));
            try (ClientInstance client = ClientInstance.create(new ClientTestKit().config(cluster.namesrvAddr()))) {
                assertThat(new RelayAdmin(client).consumerLag("cg-proc", TOPIC)).as("offsets committed at stop")
                        .isZero();
            }

            assertAdminRoutePrints(cluster);
        }
    }

    private static void produceTwentyAndStop(ApacheCluster cluster, RuntimeProcess consumer) throws Exception {
        try (RuntimeProcess producer = RuntimeProcess.start("produce", "--namesrv", cluster.namesrvAddr(),
                "--topic", TOPIC, "--count", "20", "--rate", "100", "--keys", "--profile", "classroom",
                "--report-interval", "500ms").awaitReady(START)) {
            assertThat(producer.role()).isEqualTo("producer");
            await().atMost(WAIT).until(() -> producer.stderr().stream()
                    .anyMatch(l -> l.contains("sent=20 failed=0") && l.contains("done")));
            await().atMost(WAIT).until(() -> consumer.stderr().stream().anyMatch(l -> l.contains("consumed=20")));
            producer.terminate();
            assertThat(producer.awaitExit(Duration.ofSeconds(15))).isIn(0, 143);
        }
    }

    private static void assertAdminRoutePrints(ApacheCluster cluster) throws Exception {
        RuntimeProcess admin = RuntimeProcess.start("admin", "route", TOPIC, "--namesrv", cluster.namesrvAddr());
        assertThat(admin.awaitExit(START)).isZero();
        assertThat(admin.stdout()).first().isEqualTo("topic " + TOPIC);
        assertThat(admin.stdout()).anyMatch(l -> l.contains("broker-a") && l.contains("read=4")
                && l.contains("master=" + cluster.brokerAddr("broker-a")));
    }

    private static List<String> admin(ApacheCluster cluster, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("admin"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--namesrv", cluster.namesrvAddr()));
        RuntimeProcess p = RuntimeProcess.start(cmd.toArray(String[]::new));
        assertThat(p.awaitExit(START)).as(String.join(" ", args) + ": " + p.stderr()).isZero();
        return p.stdout();
    }

    @Test
    void adminCommandsPrintClusterTopicsMessagesAndLag() throws Exception {
        try (ApacheCluster cluster = new ApacheCluster(dir).nameServers(1).broker("broker-a");
             RelayProducer producer = new RelayProducer("pg-admin-proc", new ClientTestKit()
                     .config(cluster.namesrvAddr())).start()) {
            assertThat(admin(cluster, "cluster")).containsExactly("cluster " + ApacheCluster.CLUSTER,
                    String.format("  %-20s %s", "broker-a", "master=" + cluster.brokerAddr("broker-a")));
            assertThat(admin(cluster, "topic", "create", "AdminProc", "--cluster", ApacheCluster.CLUSTER,
                    "--queues", "2")).containsExactly("created AdminProc with 2 queues on broker-a");
            await().atMost(WAIT).until(() -> new RelayAdmin(producer.client()).topicRoute("AdminProc").isPresent());
            SendResult sent = producer.send(new Message("AdminProc", "T", "order-7",
                    "hello admin".getBytes(StandardCharsets.UTF_8)));
            await().atMost(WAIT).until(() -> !new RelayAdmin(producer.client()).queryByKey("AdminProc", "order-7", 32,
                    0, Long.MAX_VALUE).isEmpty());
            List<String> byKey = admin(cluster, "message", "key", "AdminProc", "order-7");
            assertThat(byKey.get(0)).isEqualTo("msgId=" + sent.msgId() + " offsetMsgId=" + sent.offsetMsgId());
            assertThat(byKey).anyMatch(l -> l.contains("body (11 bytes): hello admin"));
            String json = String.join("\n", admin(cluster, "message", "id", sent.offsetMsgId(), "--json"));
            assertThat(JsonParser.parseString(json).getAsJsonArray().get(0).getAsJsonObject()
                    .get("keys").getAsString()).isEqualTo("order-7");
            List<String> lag = admin(cluster, "consumer-lag", "nobody");
            assertThat(lag.get(lag.size() - 1)).isEqualTo("group nobody total lag 0");
            assertThat(admin(cluster, "topic", "delete", "AdminProc"))
                    .containsExactly("deleted AdminProc from " + ApacheCluster.CLUSTER);
            assertThat(new RelayAdmin(producer.client()).topicRoute("AdminProc")).isEmpty();
        }
    }

    @Test
    void badOptionsExitWithOneLineSayingWhy() throws Exception {
        Map<List<String>, String> cases = Map.of(
                List.of("produce", "--topic", "T"), "Missing required option: '--namesrv",
                List.of("produce", "--namesrv", "nohost", "--topic", "T"), "'nohost' is not host:port",
                List.of("produce", "--namesrv", "127.0.0.1:9876", "--topic", "T", "--rate", "0"),
                "--rate must be positive",
                List.of("consume", "--namesrv", "127.0.0.1:9876", "--topic", "T", "--group", "G", "--from", "middle"),
                "--from must be first or last",
                List.of("consume", "--namesrv", "127.0.0.1:9876", "--topic", "T", "--group", "G", "--profile", "fast"),
                "unknown profile 'fast'");
        for (Map.Entry<List<String>, String> c : cases.entrySet()) {
            RuntimeProcess p = RuntimeProcess.start(c.getKey().toArray(String[]::new));
            assertThat(p.awaitExit(START)).as(c.getKey().toString()).isEqualTo(2);
            assertThat(p.stderr()).as(c.getKey().toString()).singleElement()
                    .satisfies(l -> assertThat(l).startsWith(c.getKey().get(0) + ": ").contains(c.getValue()));
        }
    }
}
