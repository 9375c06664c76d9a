package org.relaymq.runtime.broker.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.header.CreateTopicRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.BrokerCoreFixture;
import org.relaymq.runtime.broker.RecordingEvents;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.NameServer;
import org.relaymq.runtime.namesrv.NameServerNodeConfig;
import org.relaymq.runtime.namesrv.NamesrvConfig;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.RemotingServerConfig;

/** A broker core registering with two of our NameServers, in-process on loopback. */
class NamesrvRegistrarIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path root;

    private final ExecutorScheduler nsScheduler = new ExecutorScheduler("reg-it-ns", 2);
    private final NameServer ns1 = startNameServer();
    private final NameServer ns2 = startNameServer();
    private BrokerCoreFixture broker;

    private NameServer startNameServer() {
        return new NameServer(NameServerNodeConfig.loopback(NamesrvConfig.fromProfile(TimingProfile.CLASSROOM)),
                TimeSource.system(), nsScheduler).start();
    }

    @AfterEach
    void stopAll() throws Exception {
        if (broker != null) {
            broker.close();
        }
        ns1.close();
        ns2.close();
        nsScheduler.close();
    }

    private BrokerConfig config(List<String> namesrv, Duration period, Duration timeout) {
        return BrokerConfig.builder(TimingProfile.CLASSROOM).brokerIP1("127.0.0.1").brokerName("broker-a")
                .storePathRootDir(root).namesrvAddr(namesrv).registerNameServerPeriod(period)
                .registerBrokerTimeout(timeout).build();
    }

    private static List<RecordingEvents.Event> sent(RecordingEvents events, String namesrv, boolean ok) {
        return events.ofKind(EventKind.REGISTER_SENT).stream()
                .filter(e -> namesrv.equals(e.text("namesrv")))
                .filter(e -> e.data().get("ok").getAsBoolean() == ok)
                .toList();
    }

    private static boolean routed(NameServer ns, String topic, String brokerName) {
        return ns.routes().routeOf(topic).map(TopicRouteData::queueDatas).orElse(List.of()).stream()
                .map(QueueData::brokerName).anyMatch(brokerName::equals);
    }

    @Test
    void registersWithBothAndKeepsRegisteringWithTheLiveOneWhenOneCloses() {
        broker = new BrokerCoreFixture(config(List.of(ns1.address(), ns2.address()), Duration.ofMillis(200),
                Duration.ofSeconds(2))).start();
        String brokerAddr = broker.address();

        await().atMost(WAIT).until(() -> ns1.routes().liveBroker(brokerAddr).isPresent()
                && ns2.routes().liveBroker(brokerAddr).isPresent());
        assertThat(routed(ns1, "TBW102", "broker-a")).isTrue();
        assertThat(routed(ns2, "SCHEDULE_TOPIC_XXXX", "broker-a")).isTrue();
        assertThat(broker.events().ofKind(EventKind.ROLE)).isNotEmpty();

        String dead = ns1.address();
        ns1.close();
        await().atMost(WAIT).until(() -> !sent(broker.events(), dead, false).isEmpty());
        int liveSoFar = sent(broker.events(), ns2.address(), true).size();

        await().atMost(WAIT).until(() -> sent(broker.events(), ns2.address(), true).size() >= liveSoFar + 3);
        RecordingEvents.Event failure = sent(broker.events(), dead, false).get(0);
        assertThat(failure.text("error")).isNotBlank();
        assertThat(failure.text("trigger")).isEqualTo("periodic");
        assertThat(ns2.routes().liveBroker(brokerAddr)).isPresent();
    }

    @Test
    void aNameServerThatNeverAnswersDoesNotDelayTheOther() throws Exception {
        var pool = Executors2.fixedBounded("reg-it-blackhole", 1, 100);
        try (NettyRemotingServer blackHole = new NettyRemotingServer(RemotingServerConfig.defaults()
                .withName("reg-it-blackhole").withBindHost("127.0.0.1"), nsScheduler)) {
            blackHole.registerHandler(RequestCode.REGISTER_BROKER, (ctx, req) -> null, pool).start();
            String silent = "127.0.0.1:" + blackHole.port();
            broker = new BrokerCoreFixture(config(List.of(silent, ns2.address()), Duration.ofMillis(200),
                    Duration.ofSeconds(2))).start();

            await().atMost(WAIT).until(() -> !sent(broker.events(), silent, false).isEmpty());

            List<RecordingEvents.Event> live = sent(broker.events(), ns2.address(), true);
            assertThat(live.size()).isGreaterThanOrEqualTo(3);
            assertThat(live).allSatisfy(e -> assertThat(e.data().get("latencyMs").getAsLong()).isLessThan(1500));
            RecordingEvents.Event timedOut = sent(broker.events(), silent, false).get(0);
            assertThat(timedOut.data().get("latencyMs").getAsLong()).isGreaterThanOrEqualTo(1900);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aCreatedTopicIsRegisteredAtOnceAndUnregisterRemovesTheBroker() throws Exception {
        broker = new BrokerCoreFixture(config(List.of(ns1.address(), ns2.address()), Duration.ofMinutes(10),
                Duration.ofSeconds(6))).start();
        String brokerAddr = broker.address();
        await().atMost(WAIT).until(() -> ns1.routes().liveBroker(brokerAddr).isPresent()
                && ns2.routes().liveBroker(brokerAddr).isPresent());
        assertThat(routed(ns1, "Orders", "broker-a")).isFalse();

        CreateTopicRequestHeader create = new CreateTopicRequestHeader("Orders", "TBW102", 4, 4, 6, "SINGLE_TAG",
                0, false);
        RemotingCommand answer = broker.call(broker.client(),
                RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC, create.toExt()));
        assertThat(answer.code()).isZero();

        await().atMost(WAIT).until(() -> routed(ns1, "Orders", "broker-a") && routed(ns2, "Orders", "broker-a"));
        assertThat(sent(broker.events(), ns1.address(), true)).extracting(e -> e.text("trigger"))
                .contains("start", "topicChange");

        broker.core().close();

        assertThat(ns1.routes().liveBroker(brokerAddr)).isEmpty();
        assertThat(ns2.routes().liveBroker(brokerAddr)).isEmpty();
        assertThat(routed(ns2, "Orders", "broker-a")).isFalse();
    }
}
