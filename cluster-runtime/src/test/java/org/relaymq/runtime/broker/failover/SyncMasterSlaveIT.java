package org.relaymq.runtime.broker.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.protocol.header.PullMessageRequestHeader;
import org.relaymq.protocol.header.PullMessageResponseHeader;
import org.relaymq.protocol.header.SendMessageRequestHeader;
import org.relaymq.protocol.header.ViewMessageRequestHeader;
import org.relaymq.protocol.message.MessageId;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.Broker;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.BrokerNodeConfig;
import org.relaymq.runtime.broker.BrokerRole;
import org.relaymq.runtime.broker.messaging.MessagingConfig;
import org.relaymq.runtime.broker.store.MessageStoreConfig;
import org.relaymq.runtime.client.admin.RelayAdmin;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.api.SendStatus;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;
import org.relaymq.runtime.client.producer.RelayProducer;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.net.FreePorts;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.NameServer;
import org.relaymq.runtime.namesrv.NameServerNodeConfig;
import org.relaymq.runtime.namesrv.NamesrvConfig;

/**
 * A SYNC_MASTER and its SLAVE as full in-process {@link Broker}s behind our NameServer, driven over the
 * wire by our client (protocol.md §9.1–§9.3): answers 0 only once the slave holds the bytes, 11 without
 * a slave (message kept), 14 for a send to the slave; the slave serves pulls, offsets and lookups; and what
 * happens to consumer offsets committed on the slave while the master is down.
 */
class SyncMasterSlaveIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BROKER = "broker-a";

    @TempDir
    Path dir;

    private final ExecutorScheduler scheduler = new ExecutorScheduler("it-sync-ms", 2);
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private NameServer namesrv;
    private Broker master;
    private Broker slave;
    private int masterPort;
    private int slavePort;

    @AfterEach
    void tearDown() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        if (slave != null) {
            slave.close();
        }
        if (master != null) {
            master.close();
        }
        if (namesrv != null) {
            namesrv.close();
        }
        scheduler.close();
    }

    private <T extends AutoCloseable> T closeLater(T c) {
        toClose.add(c);
        return c;
    }

    private void startNamesrv() {
        NameServerNodeConfig base = NameServerNodeConfig.loopback(NamesrvConfig.fromProfile(TimingProfile.CLASSROOM));
        namesrv = new NameServer(base, TimeSource.system(), scheduler).start();
    }

    private Broker broker(BrokerRole role, int port, String storeName) {
        long id = role == BrokerRole.SLAVE ? 1 : 0;
        BrokerConfig config = BrokerConfig.builder(TimingProfile.CLASSROOM).brokerName(BROKER).brokerRole(role)
                .brokerId(id).brokerIP1("127.0.0.1").listenPort(port).namesrvAddr(List.of(namesrv.address()))
                .storePathRootDir(dir.resolve(storeName)).build();
        MessageStoreConfig store = MessageStoreConfig.defaults(dir.resolve(storeName))
                .withSegmentSizes(8 * 1024 * 1024, 20_000).withIndexSize(4096, 40_000);
        return new Broker(new BrokerNodeConfig(config, store,
                MessagingConfig.defaults().withWaitTimeInSendQueue(Duration.ofSeconds(5)), "127.0.0.1"),
                TimeSource.system(), scheduler).start();
    }

    private void startMaster(String... topics) {
        if (masterPort == 0) {
            masterPort = FreePorts.brokerListenPort("127.0.0.1");
        }
        master = broker(BrokerRole.SYNC_MASTER, masterPort, "master");
        for (String t : topics) {
            master.core().topics().createOrUpdate(TopicConfig.of(t, 2, PermName.READ_WRITE));
        }
    }

    private void startSlave() {
        if (slavePort == 0) {
            slavePort = FreePorts.brokerListenPort("127.0.0.1");
        }
        slave = broker(BrokerRole.SLAVE, slavePort, "slave");
    }

    private void awaitHealthySlave() {
        await().atMost(WAIT).until(() -> master.ha().isSlaveHealthy(master.store().commitLogMaxOffset()));
    }

    private RelayProducer producer(String topic) throws Exception {
        RelayProducer producer = closeLater(new RelayProducer("pg-sync", FailoverKit.clientConfig(namesrv.address()))
                .start());
        RelayAdmin admin = new RelayAdmin(producer.client());
        await().atMost(WAIT).until(() -> admin.topicRoute(topic).map(r -> !r.queueDatas().isEmpty()).orElse(false));
        return producer;
    }

    private static SendResult send(RelayProducer producer, String topic, String body) throws ClientException {
        return producer.send(new Message(topic, "T", body, body.getBytes(StandardCharsets.UTF_8)));
    }

    private static long offsetOf(SendResult r) {
        return MessageId.parse(r.offsetMsgId()).commitLogOffset();
    }

    /**
     * Answers by phase: no slave yet → 11 (kept); late slave → catches up from 0, then 0 once it holds the bytes;
     * slave stopped → 11 (kept); slave restarted → resumes at its own offset, 0 again; logs byte-identical.
     */
    @Test
    void syncMasterAnswersZeroOnlyOnceTheSlaveHoldsTheMessageAndElevenWithoutSlave() throws Exception {
        String topic = "SyncTopic";
        startNamesrv();
        startMaster(topic);
        RelayProducer producer = producer(topic);

        List<SendResult> alone = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            alone.add(send(producer, topic, "alone-" + i));
        }
        assertThat(alone).extracting(SendResult::status).containsOnly(SendStatus.SLAVE_NOT_AVAILABLE);
        assertThat(master.store().lookMessageByOffset(offsetOf(alone.get(199)))).get()
                .extracting(m -> new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("alone-199");

        startSlave(); // late: starts from zero (the master's only segment)
        awaitHealthySlave();
        int acknowledged = sendAcknowledged(producer, topic, "acked-", 1_500);
        FailoverKit.assertSameCommitLog(master.store(), slave.store());

        slave.close();
        await().atMost(WAIT).until(() -> !master.ha().isSlaveHealthy(master.store().commitLogMaxOffset()));
        SendResult orphan = send(producer, topic, "orphan");
        assertThat(orphan.status()).isEqualTo(SendStatus.SLAVE_NOT_AVAILABLE);
        assertThat(master.store().lookMessageByOffset(offsetOf(orphan))).isPresent();
        for (int i = 0; i < 300; i++) {
            assertThat(send(producer, topic, "while-down-" + i).status()).isEqualTo(SendStatus.SLAVE_NOT_AVAILABLE);
        }

        List<NodeEvent> masterEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
        master.events().subscribe(10_000, masterEvents::add, Runnable::run);
        startSlave();
        long resumeAt = slave.store().commitLogMaxOffset();
        assertThat(resumeAt).isPositive().isLessThan(master.store().commitLogMaxOffset());
        awaitHealthySlave();
        acknowledged += sendAcknowledged(producer, topic, "after-restart-", 1_000);
        FailoverKit.assertSameCommitLog(master.store(), slave.store());
        assertThat(masterEvents).filteredOn(e -> e.kind().equals(EventKind.REPLICA_CONNECTED)).last().satisfies(e -> assertThat(e.data().get("startOffset").getAsLong())
                .isEqualTo(resumeAt));
        for (int q = 0; q < 2; q++) {
            int queue = q;
            await().atMost(WAIT).until(() -> slave.store().maxOffsetInQueue(topic, queue)
                    == master.store().maxOffsetInQueue(topic, queue));
        }
        long total = master.store().maxOffsetInQueue(topic, 0) + master.store().maxOffsetInQueue(topic, 1);
        assertThat(total).isEqualTo(200 + acknowledged + 301);
        System.out.printf("SyncMasterSlaveIT: %d sends answered 0 (slave held each before the answer), 501 answered"
                + " 11 and were kept; commit logs identical up to %d bytes; restarted slave resumed at %d%n",
                acknowledged, master.store().commitLogMaxOffset(), resumeAt);
    }

    /** Sends {@code n} messages, each answered 0 only when the slave already holds its bytes. */
    private int sendAcknowledged(RelayProducer producer, String topic, String prefix, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            SendResult r = send(producer, topic, prefix + i);
            assertThat(r.status()).as("send %s%d", prefix, i).isEqualTo(SendStatus.SEND_OK);
            assertThat(slave.store().commitLogMaxOffset()).as("slave holds %s%d when it is acknowledged", prefix, i)
                    .isGreaterThan(offsetOf(r));
        }
        return n;
    }

    @Test
    void aSlaveRefusesSendsButServesPullsOffsetsAndLookups() throws Exception {
        String topic = "ReadTopic";
        startNamesrv();
        startMaster(topic);
        startSlave();
        awaitHealthySlave();
        RelayProducer producer = producer(topic);
        List<SendResult> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(send(producer, topic, "read-" + i));
        }
        assertThat(sent).extracting(SendResult::status).containsOnly(SendStatus.SEND_OK);
        await().atMost(WAIT).until(() -> slave.store().topics().contains(topic)
                && slave.core().topics().find(topic).isPresent()
                && slave.store().maxOffsetInQueue(topic, 0) == master.store().maxOffsetInQueue(topic, 0));
        ClientInstance client = producer.client();
        String slaveAddr = slave.address();

        SendMessageRequestHeader h = new SendMessageRequestHeader("pg-sync", topic, "TBW102", 4, 0, 0,
                System.currentTimeMillis(), 0, null, 0, false, null, false, BROKER);
        assertThatThrownBy(() -> client.calls().call(slaveAddr, RequestCode.SEND_MESSAGE, h.toExt(),
                "nope".getBytes(StandardCharsets.UTF_8))).isInstanceOfSatisfying(ClientException.class,
                e -> assertThat(e.code()).isEqualTo(ResponseCode.SERVICE_NOT_AVAILABLE));

        PullMessageRequestHeader pull = new PullMessageRequestHeader("cg-read", topic, 0, 0, 32, 0x4, 0, 0, "*", 0,
                "TAG", BROKER);
        RemotingCommand pulled = client.calls().pull(slaveAddr, pull, 5_000).get(5, TimeUnit.SECONDS);
        assertThat(pulled.code()).isEqualTo(ResponseCode.SUCCESS);
        PullMessageResponseHeader ph = PullMessageResponseHeader.fromExt(pulled.ext());
        assertThat(ph.suggestWhichBrokerId()).isZero();
        assertThat(ph.nextBeginOffset()).isEqualTo(master.store().maxOffsetInQueue(topic, 0));
        List<StoredMessage> records = StoredMessageCodec.decodeAll(ByteBuffer.wrap(pulled.body()));
        assertThat(records).hasSize((int) ph.nextBeginOffset())
                .allSatisfy(m -> assertThat(new String(m.body(), StandardCharsets.UTF_8)).startsWith("read-"));

        MessageQueue q0 = new MessageQueue(BROKER, 0, topic);
        assertThat(client.calls().maxOffset(slaveAddr, q0)).isEqualTo(ph.nextBeginOffset());
        client.calls().updateConsumerOffset(slaveAddr, "cg-read", q0, 3);
        assertThat(client.calls().queryConsumerOffset(slaveAddr, "cg-read", q0)).isEqualTo(3);
        RemotingCommand viewed = client.calls().call(slaveAddr, RequestCode.VIEW_MESSAGE_BY_ID,
                new ViewMessageRequestHeader(offsetOf(sent.get(7))).toExt(), null);
        assertThat(new String(StoredMessageCodec.decode(ByteBuffer.wrap(viewed.body())).body(), StandardCharsets.UTF_8))
                .isEqualTo("read-7");
    }

    /**
     * The guarantee for offsets committed on the slave while the master is down: a consumer that keeps running
     * commits them to the master as soon as the route shows it again, so nothing it consumed from the slave is
     * delivered again to the group, and a consumer started afterwards resumes exactly there.
     */
    @Test
    void offsetsCommittedOnTheSlaveDuringTheOutageReachTheReturningMaster() throws Exception {
        String topic = "OutageTopic";
        String group = "cg-outage";
        startNamesrv();
        startMaster(topic);
        startSlave();
        awaitHealthySlave();
        RelayProducer producer = producer(topic);
        for (int i = 0; i < 30; i++) {
            assertThat(send(producer, topic, "before-" + i).status()).isEqualTo(SendStatus.SEND_OK);
        }
        await().atMost(WAIT).until(() -> slave.core().topics().find(topic).isPresent()
                && queueTotal(slave, topic) == 30);
        RelayAdmin admin = new RelayAdmin(producer.client());
        master.close();
        await().atMost(WAIT).until(() -> admin.topicRoute(topic).map(r -> r.brokerDatas().get(0).brokerAddrs()
                .keySet()).orElse(Set.of()).equals(Set.of(1L)));

        Map<String, Integer> seen = new ConcurrentHashMap<>();
        RelayPushConsumer first = consumer(group, topic, seen);
        List<NodeEvent> events = FailoverKit.record(first.client());
        first.start();
        await().atMost(WAIT).until(() -> seen.size() == 30);
        await().atMost(WAIT).until(() -> committedTotal(slave, group, topic) == 30);
        assertThat(events).filteredOn(e -> e.kind().equals(EventKind.PULL_SOURCE))
                .allSatisfy(e -> assertThat(e.data().get("addr").getAsString()).isEqualTo(slave.address()));

        startMaster();
        awaitHealthySlave();
        await().atMost(WAIT).until(() -> admin.topicRoute(topic).map(r -> r.brokerDatas().get(0).brokerAddrs()
                .containsKey(0L)).orElse(false));
        for (int i = 0; i < 10; i++) {
            assertThat(send(producer, topic, "after-" + i).status()).isEqualTo(SendStatus.SEND_OK);
        }
        await().atMost(WAIT).until(() -> seen.size() == 40);
        await().atMost(WAIT).until(() -> committedTotal(master, group, topic) == 40);
        assertThat(events).filteredOn(e -> e.kind().equals(EventKind.PULL_SOURCE))
                .anySatisfy(e -> assertThat(e.data().get("addr").getAsString()).isEqualTo(master.address()));
        first.close();

        for (int i = 0; i < 5; i++) {
            assertThat(send(producer, topic, "late-" + i).status()).isEqualTo(SendStatus.SEND_OK);
        }
        Map<String, Integer> second = new ConcurrentHashMap<>();
        try (RelayPushConsumer next = consumer(group, topic, second).start()) {
            await().atMost(WAIT).until(() -> second.size() == 5);
            await().atMost(WAIT).until(() -> committedTotal(master, group, topic) == 45);
        }
        assertThat(second.keySet()).allMatch(b -> b.startsWith("late-"));
        assertThat(seen.values()).containsOnly(1);
        assertThat(second.values()).containsOnly(1);
    }

    private RelayPushConsumer consumer(String group, String topic, Map<String, Integer> seen) {
        return closeLater(new RelayPushConsumer(group, FailoverKit.clientConfig(namesrv.address()))
                .subscribe(topic, "*").consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .registerMessageListener((msgs, mq) -> {
                    msgs.forEach(m -> seen.merge(new String(m.body(), StandardCharsets.UTF_8), 1, Integer::sum));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }));
    }

    private static long queueTotal(Broker b, String topic) {
        return b.store().maxOffsetInQueue(topic, 0) + b.store().maxOffsetInQueue(topic, 1);
    }

    private static long committedTotal(Broker b, String group, String topic) {
        return b.core().consumerOffsets().offsets(group, topic).values().stream().mapToLong(Long::longValue).sum();
    }
}
