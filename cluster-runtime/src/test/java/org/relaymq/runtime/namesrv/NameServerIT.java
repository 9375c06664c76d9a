package org.relaymq.runtime.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ClusterInfo;
import org.relaymq.protocol.body.KVTable;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.protocol.header.GetRouteInfoRequestHeader;
import org.relaymq.protocol.header.RegisterBrokerResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.remoting.RemotingConnectException;
import org.relaymq.runtime.telemetry.RemoteEventSubscriber;
import org.relaymq.runtime.testkit.WireBrokerRegistrar;

/** Two real NameServers on loopback, driven over real connections. */
class NameServerIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final ExecutorScheduler scheduler = new ExecutorScheduler("ns-it-timer", 2);
    private final NettyRemotingClient client = new NettyRemotingClient(RemotingClientConfig.defaults(), scheduler,
            TimeSource.system());
    private NameServer ns1;
    private NameServer ns2;

    @BeforeEach
    void startTwoNameServers() {
        ns1 = start(NamesrvConfig.fromProfile(TimingProfile.CLASSIC), null);
        ns2 = start(NamesrvConfig.fromProfile(TimingProfile.CLASSIC), null);
    }

    @AfterEach
    void stopAll() {
        client.close();
        ns1.close();
        ns2.close();
        scheduler.close();
    }

    private NameServer start(NamesrvConfig liveness, Path kvFile) {
        NameServerNodeConfig base = NameServerNodeConfig.loopback(liveness);
        NameServerNodeConfig cfg = new NameServerNodeConfig(base.bindHost(), 0, liveness, kvFile, 2);
        return new NameServer(cfg, TimeSource.system(), scheduler).start();
    }

    @Test
    void aRegistrationLandsOnEveryNameServerAndEachServesTheRoute() throws Exception {
        try (WireBrokerRegistrar broker = new WireBrokerRegistrar("C1", "broker-a", 0, "127.0.0.1:20911")
                .topic("OrderTopic", 4)) {
            broker.register(ns1.address());
            broker.register(ns2.address());
            for (NameServer ns : List.of(ns1, ns2)) {
                TopicRouteData route = route(ns.address(), "OrderTopic");
                assertThat(route.brokerDatas()).singleElement()
                        .satisfies(b -> assertThat(b.brokerAddrs()).containsEntry(0L, "127.0.0.1:20911"));
                assertThat(route.queueDatas()).singleElement()
                        .satisfies(q -> assertThat(q.writeQueueNums()).isEqualTo(4));
            }
        }
    }

    @Test
    void stoppingOneNameServerLeavesTheOthersRoutesWhole() throws Exception {
        try (WireBrokerRegistrar broker = new WireBrokerRegistrar("C1", "broker-a", 0, "127.0.0.1:20911")
                .topic("T1", 2)) {
            broker.register(ns1.address());
            broker.register(ns2.address());
            String gone = ns1.address();
            ns1.close();
            assertThatThrownBy(() -> call(gone, RequestCode.GET_BROKER_CLUSTER_INFO, Map.of()))
                    .isInstanceOf(RemotingConnectException.class);
            assertThat(route(ns2.address(), "T1").brokerDatas()).hasSize(1);
            assertThat(ns2.routes().liveBrokers()).hasSize(1);
        }
    }

    @Test
    void theirViewsCanDifferAndEachTellsTheTruthAboutItself() throws Exception {
        try (WireBrokerRegistrar a = new WireBrokerRegistrar("C1", "broker-a", 0, "127.0.0.1:20911").topic("T", 2);
             WireBrokerRegistrar b = new WireBrokerRegistrar("C1", "broker-b", 0, "127.0.0.1:21911").topic("T", 2)) {
            a.register(ns1.address());
            a.register(ns2.address());
            b.register(ns2.address());
            assertThat(clusterInfo(ns1.address()).brokerAddrTable()).containsOnlyKeys("broker-a");
            assertThat(clusterInfo(ns2.address()).brokerAddrTable()).containsOnlyKeys("broker-a", "broker-b");
            assertThat(route(ns1.address(), "T").queueDatas()).hasSize(1);
            assertThat(route(ns2.address(), "T").queueDatas()).hasSize(2);
        }
    }

    @Test
    void aClosedBrokerConnectionRemovesItAtOnceAsDisconnected() throws Exception {
        List<NodeEvent> events = new CopyOnWriteArrayList<>();
        try (RemoteEventSubscriber watcher = new RemoteEventSubscriber(client);
             WireBrokerRegistrar broker = new WireBrokerRegistrar("C1", "broker-a", 0, "127.0.0.1:20911")
                     .topic("T", 2)) {
            watcher.subscribe(ns1.address(), events::add, 3000);
            broker.register(ns1.address());
            await().atMost(WAIT).until(() -> kinds(events).contains(EventKind.BROKER_REGISTERED));
            broker.disconnect(ns1.address());
            await().atMost(WAIT).until(() -> kinds(events).contains(EventKind.BROKER_DISCONNECTED));
            assertThat(call(ns1.address(), RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader("T",
                    null).toExt()).code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
            assertThat(kinds(events)).doesNotContain(EventKind.BROKER_EXPIRED, EventKind.BROKER_UNREGISTERED);
        }
    }

    @Test
    void aGracefulUnregisterIsReportedAsUnregistered() throws Exception {
        List<NodeEvent> events = new CopyOnWriteArrayList<>();
        try (RemoteEventSubscriber watcher = new RemoteEventSubscriber(client);
             WireBrokerRegistrar broker = new WireBrokerRegistrar("C1", "broker-a", 0, "127.0.0.1:20911")
                     .topic("T", 2)) {
            watcher.subscribe(ns1.address(), events::add, 3000);
            broker.register(ns1.address());
            broker.unregister(ns1.address());
            await().atMost(WAIT).until(() -> kinds(events).contains(EventKind.BROKER_UNREGISTERED));
            assertThat(ns1.routes().liveBrokers()).isEmpty();
            assertThat(kinds(events)).doesNotContain(EventKind.BROKER_DISCONNECTED, EventKind.BROKER_EXPIRED);
        }
    }

    @Test
    void aSilentBrokerWhoseConnectionStaysOpenExpires() throws Exception {
        NameServer fast = start(NamesrvConfig.fromProfile(TimingProfile.CLASSROOM)
                .withScanInterval(Duration.ofMillis(100)).withBrokerExpiry(Duration.ofMillis(800)), null);
        List<NodeEvent> events = new CopyOnWriteArrayList<>();
        try (RemoteEventSubscriber watcher = new RemoteEventSubscriber(client);
             WireBrokerRegistrar broker = new WireBrokerRegistrar("C1", "broker-a", 0, "127.0.0.1:20911")
                     .topic("T", 2)) {
            watcher.subscribe(fast.address(), events::add, 3000);
            broker.register(fast.address());
            await().atMost(WAIT).until(() -> kinds(events).contains(EventKind.BROKER_EXPIRED));
            NodeEvent expired = events.stream().filter(e -> e.kind().equals(EventKind.BROKER_EXPIRED)).findFirst()
                    .orElseThrow();
            assertThat(expired.data().get("brokerAddr").getAsString()).isEqualTo("127.0.0.1:20911");
            assertThat(expired.data().get("silentForMs").getAsLong()).isGreaterThan(800);
            assertThat(broker.client().connectedAddresses()).contains(fast.address());
            assertThat(kinds(events)).contains(EventKind.SCAN).doesNotContain(EventKind.BROKER_DISCONNECTED);
        } finally {
            fast.close();
        }
    }

    @Test
    void aLateSubscriberGetsASnapshotWithTimersThenEvents() throws Exception {
        List<NodeEvent> events = new CopyOnWriteArrayList<>();
        try (RemoteEventSubscriber watcher = new RemoteEventSubscriber(client);
             WireBrokerRegistrar broker = new WireBrokerRegistrar("C1", "broker-a", 0, "127.0.0.1:20911")
                     .topic("T", 2)) {
            broker.register(ns1.address());
            RemoteEventSubscriber.Snapshot snap = watcher.subscribe(ns1.address(), events::add, 3000);
            assertThat(snap.node()).isEqualTo("namesrv@" + ns1.address());
            JsonObject b = snap.state().getAsJsonArray("brokers").get(0).getAsJsonObject();
            assertThat(b.get("brokerAddr").getAsString()).isEqualTo("127.0.0.1:20911");
            assertThat(b.get("expiryDeadline").getAsLong() - b.get("lastRegistration").getAsLong())
                    .isEqualTo(120_000L);
            assertThat(snap.state().getAsJsonObject("routes").has("T")).isTrue();
            broker.register(ns1.address());
            await().atMost(WAIT).until(() -> kinds(events).contains(EventKind.BROKER_HEARTBEAT));
            assertThat(events).allSatisfy(e -> assertThat(e.seq()).isGreaterThan(snap.eventSeq()));
        }
    }

    @Test
    void aSlaveLearnsItsMastersAddressAndHaAddress() throws Exception {
        try (WireBrokerRegistrar master = new WireBrokerRegistrar("C1", "broker-a", 0, "127.0.0.1:20911").topic("T", 2);
             WireBrokerRegistrar slave = new WireBrokerRegistrar("C1", "broker-a", 1, "127.0.0.1:22911")) {
            master.register(ns1.address());
            RegisterBrokerResponseHeader answer = slave.register(ns1.address());
            assertThat(answer.masterAddr()).isEqualTo("127.0.0.1:20911");
            assertThat(answer.haServerAddr()).isEqualTo("127.0.0.1:20912");
            assertThat(route(ns1.address(), "T").brokerDatas().get(0).brokerAddrs())
                    .containsEntry(0L, "127.0.0.1:20911").containsEntry(1L, "127.0.0.1:22911");
        }
    }

    @Test
    void writePermissionCanBeWipedAndRestored() throws Exception {
        try (WireBrokerRegistrar broker = new WireBrokerRegistrar("C1", "broker-a", 0, "127.0.0.1:20911")
                .topic("T1", 2).topic("T2", 2)) {
            broker.register(ns1.address());
            RemotingCommand wiped = call(ns1.address(), RequestCode.WIPE_WRITE_PERM_OF_BROKER,
                    Map.of("brokerName", "broker-a"));
            assertThat(wiped.ext().get("wipeTopicCount")).isEqualTo("2");
            assertThat(route(ns1.address(), "T1").queueDatas().get(0).perm()).isEqualTo(4);
            RemotingCommand added = call(ns1.address(), RequestCode.ADD_WRITE_PERM_OF_BROKER,
                    Map.of("brokerName", "broker-a"));
            assertThat(added.ext().get("addTopicCount")).isEqualTo("2");
            assertThat(route(ns1.address(), "T1").queueDatas().get(0).perm()).isEqualTo(6);
        }
    }

    @Test
    void kvConfigIsServedAndSurvivesARestart(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("kv").resolve("kvConfig.json");
        NameServer persistent = start(NamesrvConfig.fromProfile(TimingProfile.CLASSIC), file);
        String addr = persistent.address();
        assertThat(call(addr, RequestCode.PUT_KV_CONFIG, Map.of("namespace", "ORDER_TOPIC_CONFIG", "key", "T",
                "value", "broker-a:4")).code()).isZero();
        assertThat(call(addr, RequestCode.PUT_KV_CONFIG, Map.of("namespace", "NS", "key", "k", "value", "v"))
                .code()).isZero();
        assertThat(call(addr, RequestCode.DELETE_KV_CONFIG, Map.of("namespace", "NS", "key", "k")).code()).isZero();
        persistent.close();
        NameServer restarted = start(NamesrvConfig.fromProfile(TimingProfile.CLASSIC), file);
        try {
            RemotingCommand got = call(restarted.address(), RequestCode.GET_KV_CONFIG,
                    Map.of("namespace", "ORDER_TOPIC_CONFIG", "key", "T"));
            assertThat(got.ext()).containsEntry("value", "broker-a:4");
            assertThat(call(restarted.address(), RequestCode.GET_KV_CONFIG, Map.of("namespace", "NS", "key", "k"))
                    .code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
            RemotingCommand list = call(restarted.address(), RequestCode.GET_KVLIST_BY_NAMESPACE,
                    Map.of("namespace", "ORDER_TOPIC_CONFIG"));
            assertThat(KVTable.decode(list.body()).table()).containsEntry("T", "broker-a:4");
        } finally {
            restarted.close();
        }
    }

    @Test
    void nodeInfoTellsRoleProfileIntervalsAndPid() throws Exception {
        RemotingCommand info = call(ns1.address(), RequestCode.GET_NODE_INFO, Map.of());
        JsonObject o = JsonParser.parseString(new String(info.body(), StandardCharsets.UTF_8)).getAsJsonObject();
        assertThat(o.get("role").getAsString()).isEqualTo("namesrv");
        assertThat(o.get("profile").getAsString()).isEqualTo("classic");
        assertThat(o.get("pid").getAsLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(o.getAsJsonObject("intervals").get("brokerExpiryMs").getAsLong()).isEqualTo(120_000L);
        assertThat(o.get("address").getAsString()).isEqualTo(ns1.address());
    }

    @Test
    void badRequestsGetClearAnswersAndTheServerKeepsServing() throws Exception {
        RemotingCommand unknown = call(ns1.address(), 9999, Map.of());
        assertThat(unknown.code()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        RemotingCommand missing = call(ns1.address(), RequestCode.GET_ROUTEINFO_BY_TOPIC, Map.of());
        assertThat(missing.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(missing.remark()).contains("topic");
        RemotingCommand garbage = client.invokeSync(ns1.address(), RemotingCommand.request(RequestCode.REGISTER_BROKER,
                Map.of("brokerName", "b", "brokerAddr", "127.0.0.1:1", "clusterName", "C", "haServerAddr",
                        "127.0.0.1:2", "brokerId", "0"), "{not json".getBytes(StandardCharsets.UTF_8)), 3000);
        assertThat(garbage.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        RemotingCommand badCrc = client.invokeSync(ns1.address(), RemotingCommand.request(RequestCode.REGISTER_BROKER,
                Map.of("brokerName", "b", "brokerAddr", "127.0.0.1:1", "clusterName", "C", "haServerAddr",
                        "127.0.0.1:2", "brokerId", "0", "bodyCrc32", "12345"), "{}".getBytes(StandardCharsets.UTF_8)),
                3000);
        assertThat(badCrc.remark()).isEqualTo("crc32 not match");
        assertThat(ns1.routes().liveBrokers()).isEmpty();
        assertThat(call(ns1.address(), RequestCode.GET_BROKER_CLUSTER_INFO, Map.of()).code()).isZero();
    }

    private RemotingCommand call(String addr, int code, Map<String, String> ext) throws Exception {
        return client.invokeSync(addr, RemotingCommand.request(code, ext), 3000);
    }

    private TopicRouteData route(String addr, String topic) throws Exception {
        RemotingCommand answer = call(addr, RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader(topic, null).toExt());
        if (answer.code() != 0) {
            throw new AssertionError("no route for " + topic + " on " + addr + ": " + answer.code() + " "
                    + answer.remark());
        }
        return TopicRouteData.decode(answer.body());
    }

    private ClusterInfo clusterInfo(String addr) throws Exception {
        return ClusterInfo.decode(call(addr, RequestCode.GET_BROKER_CLUSTER_INFO, Map.of()).body());
    }

    private static List<String> kinds(List<NodeEvent> events) {
        return events.stream().map(NodeEvent::kind).toList();
    }
}
