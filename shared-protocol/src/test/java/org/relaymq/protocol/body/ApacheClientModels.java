package org.relaymq.protocol.body;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.relaymq.protocol.wire.LanguageCode;

/** Converts our client/admin body records to and from Apache 4.9.8's classes (the cross-check oracle). */
final class ApacheClientModels {

    private ApacheClientModels() {
    }

    static org.apache.rocketmq.common.message.MessageQueue apache(MessageQueue ours) {
        return new org.apache.rocketmq.common.message.MessageQueue(ours.topic(), ours.brokerName(), ours.queueId());
    }

    static MessageQueue ours(org.apache.rocketmq.common.message.MessageQueue a) {
        return MessageQueue.of(a.getTopic(), a.getBrokerName(), a.getQueueId());
    }

    static Set<org.apache.rocketmq.common.message.MessageQueue> apacheQueues(Set<MessageQueue> ours) {
        return ours.stream().map(ApacheClientModels::apache).collect(Collectors.toCollection(HashSet::new));
    }

    static Set<MessageQueue> ourQueues(Set<org.apache.rocketmq.common.message.MessageQueue> a) {
        return a.stream().map(ApacheClientModels::ours).collect(Collectors.toSet());
    }

    static org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData apache(SubscriptionData ours)
            throws Exception {
        org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData a =
                org.apache.rocketmq.common.filter.FilterAPI.buildSubscriptionData(ours.topic(), ours.subString());
        a.setSubVersion(ours.subVersion());
        return a;
    }

    static SubscriptionData ours(org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData a) {
        return new SubscriptionData(a.isClassFilterMode(), a.getCodeSet(), a.getExpressionType(), a.getSubString(),
                a.getSubVersion(), a.getTagsSet(), a.getTopic());
    }

    static org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData apache(HeartbeatData ours) throws Exception {
        org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData a =
                new org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData();
        a.setClientID(ours.clientID());
        for (ProducerData producer : ours.producerDataSet()) {
            org.apache.rocketmq.common.protocol.heartbeat.ProducerData p =
                    new org.apache.rocketmq.common.protocol.heartbeat.ProducerData();
            p.setGroupName(producer.groupName());
            a.getProducerDataSet().add(p);
        }
        for (ConsumerData consumer : ours.consumerDataSet()) {
            a.getConsumerDataSet().add(apache(consumer));
        }
        return a;
    }

    private static org.apache.rocketmq.common.protocol.heartbeat.ConsumerData apache(ConsumerData ours)
            throws Exception {
        org.apache.rocketmq.common.protocol.heartbeat.ConsumerData c =
                new org.apache.rocketmq.common.protocol.heartbeat.ConsumerData();
        c.setGroupName(ours.groupName());
        c.setConsumeType(org.apache.rocketmq.common.protocol.heartbeat.ConsumeType.valueOf(ours.consumeType().name()));
        c.setMessageModel(
                org.apache.rocketmq.common.protocol.heartbeat.MessageModel.valueOf(ours.messageModel().name()));
        c.setConsumeFromWhere(
                org.apache.rocketmq.common.consumer.ConsumeFromWhere.valueOf(ours.consumeFromWhere().name()));
        c.setUnitMode(ours.unitMode());
        for (SubscriptionData sub : ours.subscriptionDataSet()) {
            c.getSubscriptionDataSet().add(apache(sub));
        }
        return c;
    }

    static HeartbeatData ours(org.apache.rocketmq.common.protocol.heartbeat.HeartbeatData a) {
        Set<ProducerData> producers = a.getProducerDataSet().stream()
                .map(p -> new ProducerData(p.getGroupName())).collect(Collectors.toSet());
        Set<ConsumerData> consumers = a.getConsumerDataSet().stream().map(c -> new ConsumerData(
                ConsumeFromWhere.valueOf(c.getConsumeFromWhere().name()),
                ConsumeType.valueOf(c.getConsumeType().name()), c.getGroupName(),
                MessageModel.valueOf(c.getMessageModel().name()),
                c.getSubscriptionDataSet().stream().map(ApacheClientModels::ours).collect(Collectors.toSet()),
                c.isUnitMode())).collect(Collectors.toSet());
        return HeartbeatData.of(a.getClientID(), producers, consumers);
    }

    static org.apache.rocketmq.common.protocol.body.ConsumerConnection apache(ConsumerConnection ours)
            throws Exception {
        org.apache.rocketmq.common.protocol.body.ConsumerConnection a =
                new org.apache.rocketmq.common.protocol.body.ConsumerConnection();
        HashSet<org.apache.rocketmq.common.protocol.body.Connection> connections = new HashSet<>();
        for (Connection connection : ours.connectionSet()) {
            var c = new org.apache.rocketmq.common.protocol.body.Connection();
            c.setClientAddr(connection.clientAddr());
            c.setClientId(connection.clientId());
            c.setLanguage(org.apache.rocketmq.remoting.protocol.LanguageCode.valueOf(connection.language().name()));
            c.setVersion(connection.version());
            connections.add(c);
        }
        a.setConnectionSet(connections);
        ConcurrentHashMap<String, org.apache.rocketmq.common.protocol.heartbeat.SubscriptionData> subs =
                new ConcurrentHashMap<>();
        for (Map.Entry<String, SubscriptionData> e : ours.subscriptionTable().entrySet()) {
            subs.put(e.getKey(), apache(e.getValue()));
        }
        a.setSubscriptionTable(subs);
        a.setConsumeType(org.apache.rocketmq.common.protocol.heartbeat.ConsumeType.valueOf(ours.consumeType().name()));
        a.setMessageModel(
                org.apache.rocketmq.common.protocol.heartbeat.MessageModel.valueOf(ours.messageModel().name()));
        a.setConsumeFromWhere(
                org.apache.rocketmq.common.consumer.ConsumeFromWhere.valueOf(ours.consumeFromWhere().name()));
        return a;
    }

    static ConsumerConnection ours(org.apache.rocketmq.common.protocol.body.ConsumerConnection a) {
        Set<Connection> connections = a.getConnectionSet().stream().map(c -> new Connection(c.getClientAddr(),
                c.getClientId(), LanguageCode.valueOf(c.getLanguage().name()), c.getVersion()))
                .collect(Collectors.toSet());
        Map<String, SubscriptionData> subs = new LinkedHashMap<>();
        a.getSubscriptionTable().forEach((k, v) -> subs.put(k, ours(v)));
        return new ConsumerConnection(connections, ConsumeFromWhere.valueOf(a.getConsumeFromWhere().name()),
                ConsumeType.valueOf(a.getConsumeType().name()), MessageModel.valueOf(a.getMessageModel().name()), subs);
    }

    static org.apache.rocketmq.common.admin.TopicStatsTable apache(TopicStatsTable ours) {
        org.apache.rocketmq.common.admin.TopicStatsTable a = new org.apache.rocketmq.common.admin.TopicStatsTable();
        HashMap<org.apache.rocketmq.common.message.MessageQueue, org.apache.rocketmq.common.admin.TopicOffset> table =
                new HashMap<>();
        ours.offsetTable().forEach((mq, offset) -> {
            org.apache.rocketmq.common.admin.TopicOffset o = new org.apache.rocketmq.common.admin.TopicOffset();
            o.setMinOffset(offset.minOffset());
            o.setMaxOffset(offset.maxOffset());
            o.setLastUpdateTimestamp(offset.lastUpdateTimestamp());
            table.put(apache(mq), o);
        });
        a.setOffsetTable(table);
        return a;
    }

    static TopicStatsTable ours(org.apache.rocketmq.common.admin.TopicStatsTable a) {
        Map<MessageQueue, TopicOffset> table = new LinkedHashMap<>();
        a.getOffsetTable().forEach((mq, o) -> table.put(ours(mq),
                new TopicOffset(o.getLastUpdateTimestamp(), o.getMaxOffset(), o.getMinOffset())));
        return new TopicStatsTable(table);
    }

    static org.apache.rocketmq.common.admin.ConsumeStats apache(ConsumeStats ours) {
        org.apache.rocketmq.common.admin.ConsumeStats a = new org.apache.rocketmq.common.admin.ConsumeStats();
        a.setConsumeTps(ours.consumeTps());
        ours.offsetTable().forEach((mq, offset) -> {
            org.apache.rocketmq.common.admin.OffsetWrapper o = new org.apache.rocketmq.common.admin.OffsetWrapper();
            o.setBrokerOffset(offset.brokerOffset());
            o.setConsumerOffset(offset.consumerOffset());
            o.setLastTimestamp(offset.lastTimestamp());
            a.getOffsetTable().put(apache(mq), o);
        });
        return a;
    }

    static ConsumeStats ours(org.apache.rocketmq.common.admin.ConsumeStats a) {
        Map<MessageQueue, OffsetWrapper> table = new LinkedHashMap<>();
        a.getOffsetTable().forEach((mq, o) -> table.put(ours(mq),
                new OffsetWrapper(o.getBrokerOffset(), o.getConsumerOffset(), o.getLastTimestamp())));
        return new ConsumeStats(a.getConsumeTps(), table);
    }
}
