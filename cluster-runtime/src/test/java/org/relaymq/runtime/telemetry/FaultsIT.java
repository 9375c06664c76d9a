package org.relaymq.runtime.telemetry;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.Broker;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.BrokerNodeConfig;
import org.relaymq.runtime.broker.messaging.MessagingConfig;
import org.relaymq.runtime.broker.store.MessageStoreConfig;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.net.FreePorts;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.NameServer;
import org.relaymq.runtime.namesrv.NameServerNodeConfig;
import org.relaymq.runtime.namesrv.NamesrvConfig;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.remoting.RemotingTimeoutException;

/**
 * A partition made with SET_FAULTS over the wire, in-process on loopback with short timings: the broker drops
 * every frame to and from its NameServer while the connection stays open, so the NameServer notices only by
 * expiry (not a disconnect); healing lets the broker register again on the same connection.
 */
class FaultsIT {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration REGISTER_PERIOD = Duration.ofMillis(300);
    private static final Duration REGISTER_TIMEOUT = Duration.ofSeconds(1);

    @TempDir
    Path root;

    private final ExecutorScheduler scheduler = new ExecutorScheduler("faults-it-timer", 2);
    private final NameServer ns = new NameServer(NameServerNodeConfig.loopback(
            NamesrvConfig.fromProfile(TimingProfile.CLASSROOM).withScanInterval(Duration.ofMillis(200))
                    .withBrokerExpiry(Duration.ofSeconds(2))), TimeSource.system(), scheduler).start();
    private final Subscription nsEvents = ns.events().subscribe();
    private final List<NodeEvent> seenOnNs = new CopyOnWriteArrayList<>();
    private final NettyRemotingClient console = new NettyRemotingClient(RemotingClientConfig.defaults()
            .withName("faults-it-console"), scheduler, TimeSource.system());
    private Broker broker;

    @AfterEach
    void stopAll() {
        console.close();
        if (broker != null) {
            broker.close();
        }
        ns.close();
        scheduler.close();
    }

    private Broker startBroker() {
        int port = FreePorts.brokerListenPort("127.0.0.1");
        BrokerConfig bc = BrokerConfig.builder(TimingProfile.CLASSROOM).brokerName("broker-faults")
                .brokerIP1("127.0.0.1").listenPort(port).namesrvAddr(List.of(ns.address()))
                .storePathRootDir(root).registerNameServerPeriod(REGISTER_PERIOD)
                .registerBrokerTimeout(REGISTER_TIMEOUT).build();
        MessageStoreConfig sc = MessageStoreConfig.defaults(root).withSegmentSizes(4 * 1024 * 1024, 20_000)
                .withIndexSize(1_000, 4_000);
        return new Broker(new BrokerNodeConfig(bc, sc, MessagingConfig.defaults(), "127.0.0.1"), TimeSource.system(),
                scheduler).start();
    }

    private List<NodeEvent> nsEvents(String kind, String brokerAddr) {
        seenOnNs.addAll(nsEvents.poll(10_000));
        return seenOnNs.stream().filter(e -> e.hasKind(kind) && brokerAddr.equals(e.text("brokerAddr"))).toList();
    }

    private JsonObject call(String node, int code, FaultRules rules) throws Exception {
        RemotingCommand answer = console.invokeSync(node, RemotingCommand.request(code, Map.of(),
                rules == null ? null : rules.encode()), 3000);
        assertThat(answer.code()).as(answer.remark()).isEqualTo(ResponseCode.SUCCESS);
        return JsonParser.parseString(new String(answer.body(), StandardCharsets.UTF_8)).getAsJsonObject();
    }

    @Test
    void aPartitionFromTheNameServerEndsInExpiryNotDisconnectAndHealingRegistersAgain() throws Exception {
        broker = startBroker();
        Subscription brokerEvents = broker.events().subscribe();
        String brokerAddr = broker.address();
        await().atMost(WAIT).until(() -> ns.routes().liveBroker(brokerAddr).isPresent());
        assertThat(ns.connectionCount()).as("the broker's connection").isOne();

        JsonObject set = call(brokerAddr, RequestCode.SET_FAULTS, new FaultRules(List.of(FaultRule.drop(ns.address()))));
        assertThat(set.getAsJsonArray("rules")).hasSize(1);
        assertThat(set.get("appliesTo").getAsString()).startsWith("connections this node opened");
        assertThat(set.get("openConnections").getAsInt()).isOne();

        await().atMost(WAIT).until(() -> !nsEvents(EventKind.BROKER_EXPIRED, brokerAddr).isEmpty());
        assertThat(ns.routes().liveBroker(brokerAddr)).isEmpty();
        assertThat(nsEvents(EventKind.BROKER_DISCONNECTED, brokerAddr)).as("a partition is not a disconnect").isEmpty();
        assertThat(ns.connectionCount()).as("the partitioned connection is still open").isOne();
        List<NodeEvent> seenOnBroker = new CopyOnWriteArrayList<>();
        await().atMost(WAIT).until(() -> {
            seenOnBroker.addAll(brokerEvents.poll(10_000));
            return seenOnBroker.stream().anyMatch(e -> e.hasKind(EventKind.REGISTER_SENT) && !e.flag("ok"));
        });
        NodeEvent failed = seenOnBroker.stream().filter(e -> e.hasKind(EventKind.REGISTER_SENT) && !e.flag("ok"))
                .findFirst().orElseThrow();
        assertThat(failed.text("error")).contains("timeout");
        assertThat(seenOnBroker).filteredOn(e -> e.hasKind(EventKind.FAULTS)).singleElement()
                .satisfies(e -> assertThat(e.text("summary")).isEqualTo("drop " + ns.address()));
        assertThat(broker.faults().droppedFrames()).isPositive();

        JsonObject healed = call(brokerAddr, RequestCode.SET_FAULTS, FaultRules.NONE);
        assertThat(healed.getAsJsonArray("rules")).isEmpty();
        await().atMost(WAIT).until(() -> ns.routes().liveBroker(brokerAddr).isPresent());
        assertThat(nsEvents(EventKind.BROKER_REGISTERED, brokerAddr)).as("first time, then again after expiry")
                .hasSize(2);
        assertThat(ns.connectionCount()).as("registered again over the same connection").isOne();
        assertThat(nsEvents(EventKind.BROKER_DISCONNECTED, brokerAddr)).isEmpty();
    }

    @Test
    void aNameServerAnswersButSaysItsRulesActOnNothing() throws Exception {
        JsonObject set = call(ns.address(), RequestCode.SET_FAULTS, new FaultRules(List.of(FaultRule.drop("*"))));
        JsonObject get = call(ns.address(), RequestCode.GET_FAULTS, null);

        assertThat(get).isEqualTo(set);
        assertThat(get.getAsJsonArray("rules")).hasSize(1);
        assertThat(get.get("openConnections").getAsInt()).isZero();
        assertThat(get.get("appliesTo").getAsString()).startsWith("nothing: a NameServer opens no connections");
        seenOnNs.addAll(nsEvents.poll(10_000));
        assertThat(seenOnNs).filteredOn(e -> e.hasKind(EventKind.FAULTS)).singleElement()
                .satisfies(e -> assertThat(e.number("openConnections", -1)).isZero());
    }

    @Test
    void aSyncCallTimingOutOverAPartitionLeavesTheConnectionOpenAndHealingReusesIt() throws Exception {
        NetworkFaultTable faults = new NetworkFaultTable("connections this node opened");
        try (NettyRemotingClient client = new NettyRemotingClient(RemotingClientConfig.defaults()
                .withName("faults-it-partitioned"), scheduler, TimeSource.system(), faults)) {
            RemotingCommand info = RemotingCommand.request(RequestCode.GET_NODE_INFO, Map.of());
            assertThat(client.invokeSync(ns.address(), info, 3000).code()).isEqualTo(ResponseCode.SUCCESS);
            faults.replace(new FaultRules(List.of(FaultRule.drop(ns.address()))));

            assertThatThrownBy(() -> client.invokeSync(ns.address(), info, 300))
                    .isInstanceOf(RemotingTimeoutException.class);
            assertThat(client.connectedAddresses()).containsExactly(ns.address());
            assertThat(ns.connectionCount()).isOne();

            faults.replace(FaultRules.NONE);
            assertThat(client.invokeSync(ns.address(), info, 3000).code()).isEqualTo(ResponseCode.SUCCESS);
            assertThat(ns.connectionCount()).as("the same connection").isOne();
            assertThat(faults.droppedFrames()).isOne();
        }
    }
}
