package org.relaymq.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.rocketmq.remoting.protocol.RemotingSerializable;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.wire.LanguageCode;

/** Client and admin bodies against Apache RocketMQ 4.9.8's own classes and fastjson, in both directions. */
class ApacheClientBodiesCrossCheckTest {

    static final MessageQueue MQ_A0 = MessageQueue.of("T", "broker-a", 0);
    static final MessageQueue MQ_A1 = MessageQueue.of("T", "broker-a", 1);
    static final MessageQueue MQ_B0 = MessageQueue.of("T2", "broker-b", 0);

    static HeartbeatData heartbeat() {
        ConsumerData push = new ConsumerData(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, ConsumeType.CONSUME_PASSIVELY,
                "cg", MessageModel.CLUSTERING, Set.of(SubscriptionData.of("T", "TagA || TagB", 1700000000123L),
                SubscriptionData.of("%RETRY%cg", "*", 1700000000124L)), false);
        ConsumerData pull = new ConsumerData(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, ConsumeType.CONSUME_ACTIVELY,
                "lite", MessageModel.BROADCASTING, Set.of(SubscriptionData.of("T2", "x", 7L)), true);
        return HeartbeatData.of("10.0.0.5@4242#123456789", Set.of(new ProducerData("CLIENT_INNER_PRODUCER"),
                new ProducerData("pg")), Set.of(push, pull));
    }

    @Test
    void heartbeatBothWays() throws Exception {
        byte[] apacheBytes = ApacheClientModels.apache(heartbeat()).encode();
        assertThat(HeartbeatData.decode(apacheBytes)).isEqualTo(heartbeat());
        var decoded = RemotingSerializable.decode(heartbeat().encode(),
                org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData.class);
        assertThat(ApacheClientModels.ours(decoded)).isEqualTo(heartbeat());
    }

    @Test
    void subscriptionBuiltLikeApachesFilterApi() throws Exception {
        for (String expression : new String[] {"*", "", "TagA", " TagA || TagB ", "a||b||a"}) {
            var apache = org.apache.rocketmq.common.filter.FilterAPI.buildSubscriptionData("T", expression);
            SubscriptionData ours = SubscriptionData.of("T", expression, apache.getSubVersion());
            assertThat(ours).as(expression).isEqualTo(ApacheClientModels.ours(apache));
        }
    }

    @Test
    void lockBatchBodiesBothWays() {
        LockBatchRequestBody request = new LockBatchRequestBody("10.0.0.5@4242#1", "cg", Set.of(MQ_A0, MQ_A1, MQ_B0),
                false);
        var apacheRequest = new org.apache.rocketmq.common.protocol.body.LockBatchRequestBody();
        apacheRequest.setClientId(request.clientId());
        apacheRequest.setConsumerGroup(request.consumerGroup());
        apacheRequest.setMqSet(ApacheClientModels.apacheQueues(request.mqSet()));
        assertThat(LockBatchRequestBody.decode(apacheRequest.encode())).isEqualTo(request);
        var decodedRequest = RemotingSerializable.decode(request.encode(),
                org.apache.rocketmq.common.protocol.body.LockBatchRequestBody.class);
        assertThat(decodedRequest.getClientId()).isEqualTo(request.clientId());
        assertThat(decodedRequest.getConsumerGroup()).isEqualTo(request.consumerGroup());
        assertThat(ApacheClientModels.ourQueues(decodedRequest.getMqSet())).isEqualTo(request.mqSet());

        LockBatchResponseBody response = new LockBatchResponseBody(Set.of(MQ_A0, MQ_B0));
        var apacheResponse = new org.apache.rocketmq.common.protocol.body.LockBatchResponseBody();
        apacheResponse.setLockOKMQSet(ApacheClientModels.apacheQueues(response.lockOKMQSet()));
        assertThat(LockBatchResponseBody.decode(apacheResponse.encode())).isEqualTo(response);
        var decodedResponse = RemotingSerializable.decode(response.encode(),
                org.apache.rocketmq.common.protocol.body.LockBatchResponseBody.class);
        assertThat(ApacheClientModels.ourQueues(decodedResponse.getLockOKMQSet())).isEqualTo(response.lockOKMQSet());
    }

    static ConsumerConnection consumerConnection() {
        return new ConsumerConnection(Set.of(new Connection("1.2.3.4:5678", "1.2.3.4@5678#1", LanguageCode.JAVA, 409),
                new Connection("1.2.3.5:5678", "1.2.3.5@1#2", LanguageCode.GO, 413)),
                ConsumeFromWhere.CONSUME_FROM_TIMESTAMP, ConsumeType.CONSUME_PASSIVELY, MessageModel.CLUSTERING,
                Map.of("T", SubscriptionData.of("T", "TagA || TagB", 5L), "%RETRY%cg",
                        SubscriptionData.of("%RETRY%cg", "*", 6L)));
    }

    @Test
    void consumerConnectionBothWays() throws Exception {
        byte[] apacheBytes = ApacheClientModels.apache(consumerConnection()).encode();
        assertThat(ConsumerConnection.decode(apacheBytes)).isEqualTo(consumerConnection());
        var decoded = RemotingSerializable.decode(consumerConnection().encode(),
                org.apache.rocketmq.common.protocol.body.ConsumerConnection.class);
        assertThat(ApacheClientModels.ours(decoded)).isEqualTo(consumerConnection());
    }

    static TopicStatsTable topicStats() {
        return new TopicStatsTable(Map.of(MQ_A0, new TopicOffset(1700000000000L, 10, 0),
                MQ_A1, new TopicOffset(0, 0, 0), MQ_B0, new TopicOffset(1700000000001L, 99, 12)));
    }

    @Test
    void topicStatsTableWithInlineMessageQueueKeysBothWays() {
        byte[] apacheBytes = ApacheClientModels.apache(topicStats()).encode();
        assertThat(Fixtures.utf8(apacheBytes)).contains("{{\"brokerName\":");
        assertThat(TopicStatsTable.decode(apacheBytes)).isEqualTo(topicStats());
        var decoded = RemotingSerializable.decode(topicStats().encode(),
                org.apache.rocketmq.common.admin.TopicStatsTable.class);
        assertThat(ApacheClientModels.ours(decoded)).isEqualTo(topicStats());
    }

    static ConsumeStats consumeStats() {
        return new ConsumeStats(12.5, Map.of(MQ_A0, new OffsetWrapper(10, 8, 1700000000000L),
                MQ_B0, new OffsetWrapper(3, 3, 0)));
    }

    @Test
    void consumeStatsWithInlineMessageQueueKeysBothWays() {
        byte[] apacheBytes = ApacheClientModels.apache(consumeStats()).encode();
        assertThat(ConsumeStats.decode(apacheBytes)).isEqualTo(consumeStats());
        var decoded = RemotingSerializable.decode(consumeStats().encode(),
                org.apache.rocketmq.common.admin.ConsumeStats.class);
        assertThat(ApacheClientModels.ours(decoded)).isEqualTo(consumeStats());
    }

    @Test
    void singleQueueStatsAreByteIdenticalToFastjson() {
        TopicStatsTable stats = new TopicStatsTable(Map.of(MQ_A0, new TopicOffset(1700000000000L, 10, 0)));
        assertThat(Fixtures.utf8(stats.encode()))
                .isEqualTo(Fixtures.utf8(ApacheClientModels.apache(stats).encode()));
        ConsumeStats consume = new ConsumeStats(0.0, Map.of(MQ_A0, new OffsetWrapper(10, 8, 1700000000000L)));
        assertThat(Fixtures.utf8(consume.encode()))
                .isEqualTo(Fixtures.utf8(ApacheClientModels.apache(consume).encode()));
    }

    @Test
    void resetOffsetBodyBothWays() {
        ResetOffsetBody body = new ResetOffsetBody(Map.of(MQ_A0, 5L, MQ_B0, 7L));
        var apache = new org.apache.rocketmq.common.protocol.body.ResetOffsetBody();
        Map<org.apache.rocketmq.common.message.MessageQueue, Long> table = new HashMap<>();
        body.offsetTable().forEach((mq, offset) -> table.put(ApacheClientModels.apache(mq), offset));
        apache.setOffsetTable(table);
        assertThat(ResetOffsetBody.decode(apache.encode())).isEqualTo(body);
        var decoded = RemotingSerializable.decode(body.encode(),
                org.apache.rocketmq.common.protocol.body.ResetOffsetBody.class);
        assertThat(decoded.getOffsetTable()).isEqualTo(table);
    }

    @Test
    void consumerOffsetWrapperBothWaysAndByteIdentical() {
        ConsumerOffsetSerializeWrapper ours = new ConsumerOffsetSerializeWrapper(
                Map.of("TopicTest@cg", Map.of(0, 12L, 1, 7L)));
        var apache = new org.apache.rocketmq.common.protocol.body.ConsumerOffsetSerializeWrapper();
        ConcurrentMap<Integer, Long> queues = new ConcurrentHashMap<>(Map.of(0, 12L, 1, 7L));
        apache.setOffsetTable(new ConcurrentHashMap<>(Map.of("TopicTest@cg", queues)));
        assertThat(Fixtures.utf8(ours.encode())).isEqualTo(Fixtures.utf8(apache.encode()));
        assertThat(ConsumerOffsetSerializeWrapper.decode(apache.encode())).isEqualTo(ours);
        var decoded = RemotingSerializable.decode(ours.encode(),
                org.apache.rocketmq.common.protocol.body.ConsumerOffsetSerializeWrapper.class);
        assertThat(decoded.getOffsetTable()).isEqualTo(apache.getOffsetTable());
    }

    @Test
    void subscriptionGroupDefaultsAreByteIdenticalToApache() {
        var apache = new org.apache.rocketmq.common.subscription.SubscriptionGroupConfig();
        apache.setGroupName("cg");
        assertThat(Fixtures.utf8(SubscriptionGroupConfig.defaults("cg").encode()))
                .isEqualTo(RemotingSerializable.toJson(apache, false));
        var wrapper = new org.apache.rocketmq.common.protocol.body.SubscriptionGroupWrapper();
        wrapper.getSubscriptionGroupTable().put("cg", apache);
        wrapper.setDataVersion(ApacheRouteModels.apache(new DataVersion(1700000000000L, 2)));
        assertThat(SubscriptionGroupWrapper.decode(wrapper.encode())).isEqualTo(new SubscriptionGroupWrapper(
                new DataVersion(1700000000000L, 2), Map.of("cg", SubscriptionGroupConfig.defaults("cg"))));
    }

    @Test
    void kvTableAndTopicListAreByteIdenticalToApache() {
        var kv = new org.apache.rocketmq.common.protocol.body.KVTable();
        kv.setTable(new HashMap<>(Map.of("k", "v")));
        assertThat(Fixtures.utf8(new KVTable(Map.of("k", "v")).encode())).isEqualTo(Fixtures.utf8(kv.encode()));
        var topics = new org.apache.rocketmq.common.protocol.body.TopicList();
        topics.setTopicList(Set.of("a"));
        topics.setBrokerAddr("10.0.0.1:10911");
        assertThat(Fixtures.utf8(new TopicList("10.0.0.1:10911", Set.of("a")).encode()))
                .isEqualTo(Fixtures.utf8(topics.encode()));
        assertThat(TopicList.decode(topics.encode())).isEqualTo(new TopicList("10.0.0.1:10911", Set.of("a")));
    }
}
