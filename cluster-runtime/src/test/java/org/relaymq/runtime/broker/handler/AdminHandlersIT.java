package org.relaymq.runtime.broker.handler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumerOffsetSerializeWrapper;
import org.relaymq.protocol.body.DelayOffsetSerializeWrapper;
import org.relaymq.protocol.body.LockBatchRequestBody;
import org.relaymq.protocol.body.LockBatchResponseBody;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.SubscriptionGroupConfig;
import org.relaymq.protocol.body.SubscriptionGroupWrapper;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicConfigSerializeWrapper;
import org.relaymq.protocol.body.TopicFilterType;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.CreateTopicRequestHeader;
import org.relaymq.protocol.header.QueryConsumerOffsetRequestHeader;
import org.relaymq.protocol.header.QueryConsumerOffsetResponseHeader;
import org.relaymq.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.BrokerCoreFixture;
import org.relaymq.runtime.broker.BrokerRole;
import org.relaymq.runtime.remoting.NettyRemotingClient;

/** Topic, offset, group and lock commands against a broker core over real connections. */
class AdminHandlersIT {

    @TempDir
    Path root;

    private BrokerCoreFixture broker;

    @AfterEach
    void stop() throws Exception {
        if (broker != null) {
            broker.close();
        }
    }

    private BrokerCoreFixture start(BrokerRole role) {
        BrokerConfig config = BrokerConfig.builder().brokerIP1("127.0.0.1").storePathRootDir(root).brokerRole(role)
                .brokerId(role.isMaster() ? 0 : 1).build();
        broker = new BrokerCoreFixture(config).start();
        return broker;
    }

    private RemotingCommand call(NettyRemotingClient c, int code, Map<String, String> ext, byte[] body)
            throws Exception {
        return broker.call(c, RemotingCommand.request(code, ext, body));
    }

    private static Map<String, String> createTopic(String topic) {
        return new CreateTopicRequestHeader(topic, "TBW102", 4, 2, 6, "MULTI_TAG", 0, true).toExt();
    }

    @Test
    void createTopicThenReadTheWholeTable() throws Exception {
        NettyRemotingClient c = start(BrokerRole.ASYNC_MASTER).client();
        assertThat(call(c, RequestCode.UPDATE_AND_CREATE_TOPIC, createTopic("Orders"), null).code()).isZero();

        RemotingCommand all = call(c, RequestCode.GET_ALL_TOPIC_CONFIG, null, null);
        TopicConfigSerializeWrapper table = TopicConfigSerializeWrapper.decode(all.body());
        assertThat(table.topicConfigTable().get("Orders"))
                .isEqualTo(new TopicConfig("Orders", 4, 2, 6, TopicFilterType.MULTI_TAG, 0, true));
        assertThat(table.dataVersion()).isEqualTo(broker.core().topics().dataVersion());

        RemotingCommand bad = call(c, RequestCode.UPDATE_AND_CREATE_TOPIC, createTopic("bad/topic"), null);
        assertThat(bad.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(bad.remark()).contains("illegal characters");
        RemotingCommand reserved = call(c, RequestCode.UPDATE_AND_CREATE_TOPIC, createTopic("DefaultCluster"), null);
        assertThat(reserved.remark()).contains("conflict with system reserved words");
    }

    @Test
    void aSlaveRefusesTopicAndGroupChanges() throws Exception {
        NettyRemotingClient c = start(BrokerRole.SLAVE).client();
        RemotingCommand topic = call(c, RequestCode.UPDATE_AND_CREATE_TOPIC, createTopic("Orders"), null);
        assertThat(topic.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(topic.remark()).contains("slave");
        RemotingCommand group = call(c, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, null,
                SubscriptionGroupConfig.defaults("g").encode());
        assertThat(group.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(broker.core().topics().find("Orders")).isEmpty();

        assertThat(call(c, RequestCode.UPDATE_CONSUMER_OFFSET,
                new UpdateConsumerOffsetRequestHeader("cg", "T", 0, 5).toExt(), null).code()).isZero();
    }

    @Test
    void offsetsCommittedQueriedAndListed() throws Exception {
        NettyRemotingClient c = start(BrokerRole.ASYNC_MASTER).client();
        Map<String, String> query = new QueryConsumerOffsetRequestHeader("cg", "T", 1).toExt();
        RemotingCommand none = call(c, RequestCode.QUERY_CONSUMER_OFFSET, query, null);
        assertThat(none.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);

        broker.core().queueHeadProbe((topic, queueId) -> queueId == 1);
        RemotingCommand hot = call(c, RequestCode.QUERY_CONSUMER_OFFSET, query, null);
        assertThat(QueryConsumerOffsetResponseHeader.fromExt(hot.ext()).offset()).isZero();

        c.invokeOneway(broker.address(), RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET,
                new UpdateConsumerOffsetRequestHeader("cg", "T", 1, 42).toExt()).asOneway(), 3000);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> broker.core().consumerOffsets().queryOffset("cg", "T", 1) == 42);
        RemotingCommand stored = call(c, RequestCode.QUERY_CONSUMER_OFFSET, query, null);
        assertThat(stored.code()).isZero();
        assertThat(QueryConsumerOffsetResponseHeader.fromExt(stored.ext()).offset()).isEqualTo(42);

        RemotingCommand all = call(c, RequestCode.GET_ALL_CONSUMER_OFFSET, null, null);
        assertThat(new String(all.body())).isEqualTo("{\"offsetTable\":{\"T@cg\":{1:42}}}");
        assertThat(ConsumerOffsetSerializeWrapper.decode(all.body()).offsetTable().get("T@cg")).containsEntry(1, 42L);

        broker.core().delayOffsets().update(3, 15);
        RemotingCommand delay = call(c, RequestCode.GET_ALL_DELAY_OFFSET, null, null);
        assertThat(DelayOffsetSerializeWrapper.decode(delay.body()).offsetTable()).isEqualTo(Map.of(3, 15L));
    }

    @Test
    void subscriptionGroupsCreatedAndListed() throws Exception {
        NettyRemotingClient c = start(BrokerRole.ASYNC_MASTER).client();
        SubscriptionGroupConfig g = new SubscriptionGroupConfig(0, false, true, true, "orders-cg", true, 5, 2, 1);
        assertThat(call(c, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, null, g.encode()).code()).isZero();

        RemotingCommand all = call(c, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, null, null);
        SubscriptionGroupWrapper wrapper = SubscriptionGroupWrapper.decode(all.body());
        assertThat(wrapper.subscriptionGroupTable().get("orders-cg")).isEqualTo(g);
        assertThat(wrapper.dataVersion()).isEqualTo(broker.core().subscriptionGroups().dataVersion());
    }

    @Test
    void queueLocksGoToOneClientAtATime() throws Exception {
        NettyRemotingClient c = start(BrokerRole.ASYNC_MASTER).client();
        MessageQueue q0 = MessageQueue.of("T", "broker-a", 0);
        MessageQueue q1 = MessageQueue.of("T", "broker-a", 1);

        Set<MessageQueue> a = lock(c, "A", Set.of(q0, q1));
        Set<MessageQueue> b = lock(c, "B", Set.of(q0, q1));
        assertThat(a).containsExactlyInAnyOrder(q0, q1);
        assertThat(b).isEmpty();

        RemotingCommand unlock = call(c, RequestCode.UNLOCK_BATCH_MQ, null,
                new LockBatchRequestBody("A", "cg", Set.of(q0), false).encode());
        assertThat(unlock.code()).isZero();
        assertThat(lock(c, "B", Set.of(q0, q1))).containsExactly(q0);
    }

    private Set<MessageQueue> lock(NettyRemotingClient c, String clientId, Set<MessageQueue> mqs) throws Exception {
        RemotingCommand r = call(c, RequestCode.LOCK_BATCH_MQ, null,
                new LockBatchRequestBody(clientId, "cg", mqs, false).encode());
        assertThat(r.code()).isZero();
        return LockBatchResponseBody.decode(r.body()).lockOKMQSet();
    }

    @Test
    void stateSurvivesARestartOfTheCore() throws Exception {
        NettyRemotingClient c = start(BrokerRole.ASYNC_MASTER).client();
        call(c, RequestCode.UPDATE_AND_CREATE_TOPIC, createTopic("Orders"), null);
        call(c, RequestCode.UPDATE_CONSUMER_OFFSET, new UpdateConsumerOffsetRequestHeader("cg", "Orders", 0, 9).toExt(),
                null);
        call(c, RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, null, SubscriptionGroupConfig.defaults("g").encode());
        broker.core().delayOffsets().update(2, 3);
        broker.close();

        BrokerCoreFixture restarted = start(BrokerRole.ASYNC_MASTER);

        assertThat(restarted.core().topics().find("Orders")).isPresent();
        assertThat(restarted.core().consumerOffsets().queryOffset("cg", "Orders", 0)).isEqualTo(9);
        assertThat(restarted.core().subscriptionGroups().find("g")).isPresent();
        assertThat(restarted.core().delayOffsets().offset(2)).isEqualTo(3);
    }
}
