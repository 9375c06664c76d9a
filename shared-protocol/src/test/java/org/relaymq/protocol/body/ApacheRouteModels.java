package org.relaymq.protocol.body;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Converts between our route records and Apache 4.9.8's classes (the cross-check oracle). */
final class ApacheRouteModels {

    private ApacheRouteModels() {
    }

    static org.apache.rocketmq.common.DataVersion apache(DataVersion ours) {
        org.apache.rocketmq.common.DataVersion a = new org.apache.rocketmq.common.DataVersion();
        a.setTimestamp(ours.timestamp());
        a.setCounter(new AtomicLong(ours.counter()));
        return a;
    }

    static DataVersion ours(org.apache.rocketmq.common.DataVersion a) {
        return new DataVersion(a.getTimestamp(), a.getCounter().get());
    }

    static org.apache.rocketmq.common.TopicConfig apache(TopicConfig ours) {
        org.apache.rocketmq.common.TopicConfig a = new org.apache.rocketmq.common.TopicConfig(ours.topicName(),
                ours.readQueueNums(), ours.writeQueueNums(), ours.perm());
        a.setTopicFilterType(org.apache.rocketmq.common.TopicFilterType.valueOf(ours.topicFilterType().name()));
        a.setTopicSysFlag(ours.topicSysFlag());
        a.setOrder(ours.order());
        return a;
    }

    static TopicConfig ours(org.apache.rocketmq.common.TopicConfig a) {
        return new TopicConfig(a.getTopicName(), a.getReadQueueNums(), a.getWriteQueueNums(), a.getPerm(),
                TopicFilterType.valueOf(a.getTopicFilterType().name()), a.getTopicSysFlag(), a.isOrder());
    }

    static org.apache.rocketmq.common.protocol.body.RegisterBrokerBody apache(RegisterBrokerBody ours) {
        org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper wrapper =
                new org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper();
        wrapper.setDataVersion(apache(ours.topicConfigSerializeWrapper().dataVersion()));
        ConcurrentHashMap<String, org.apache.rocketmq.common.TopicConfig> table = new ConcurrentHashMap<>();
        ours.topicConfigSerializeWrapper().topicConfigTable().forEach((k, v) -> table.put(k, apache(v)));
        wrapper.setTopicConfigTable(table);
        org.apache.rocketmq.common.protocol.body.RegisterBrokerBody a =
                new org.apache.rocketmq.common.protocol.body.RegisterBrokerBody();
        a.setTopicConfigSerializeWrapper(wrapper);
        a.setFilterServerList(new ArrayList<>(ours.filterServerList()));
        return a;
    }

    static RegisterBrokerBody ours(org.apache.rocketmq.common.protocol.body.RegisterBrokerBody a) {
        Map<String, TopicConfig> table = new LinkedHashMap<>();
        a.getTopicConfigSerializeWrapper().getTopicConfigTable().forEach((k, v) -> table.put(k, ours(v)));
        DataVersion version = ours(a.getTopicConfigSerializeWrapper().getDataVersion());
        return new RegisterBrokerBody(new TopicConfigSerializeWrapper(table, version), a.getFilterServerList());
    }

    static org.apache.rocketmq.common.protocol.route.BrokerData apache(BrokerData ours) {
        return new org.apache.rocketmq.common.protocol.route.BrokerData(ours.cluster(), ours.brokerName(),
                new HashMap<>(ours.brokerAddrs()));
    }

    static BrokerData ours(org.apache.rocketmq.common.protocol.route.BrokerData a) {
        return new BrokerData(a.getCluster(), a.getBrokerName(), a.getBrokerAddrs());
    }

    static org.apache.rocketmq.common.protocol.route.QueueData apache(QueueData ours) {
        var a = new org.apache.rocketmq.common.protocol.route.QueueData();
        a.setBrokerName(ours.brokerName());
        a.setReadQueueNums(ours.readQueueNums());
        a.setWriteQueueNums(ours.writeQueueNums());
        a.setPerm(ours.perm());
        a.setTopicSysFlag(ours.topicSysFlag());
        return a;
    }

    static QueueData ours(org.apache.rocketmq.common.protocol.route.QueueData a) {
        return new QueueData(a.getBrokerName(), a.getReadQueueNums(), a.getWriteQueueNums(), a.getPerm(),
                a.getTopicSysFlag());
    }

    static org.apache.rocketmq.common.protocol.route.TopicRouteData apache(TopicRouteData ours) {
        org.apache.rocketmq.common.protocol.route.TopicRouteData a =
                new org.apache.rocketmq.common.protocol.route.TopicRouteData();
        a.setOrderTopicConf(ours.orderTopicConf());
        a.setQueueDatas(new ArrayList<>(ours.queueDatas().stream().map(ApacheRouteModels::apache).toList()));
        a.setBrokerDatas(new ArrayList<>(ours.brokerDatas().stream().map(ApacheRouteModels::apache).toList()));
        a.setFilterServerTable(new HashMap<>(ours.filterServerTable()));
        return a;
    }

    static TopicRouteData ours(org.apache.rocketmq.common.protocol.route.TopicRouteData a) {
        List<QueueData> queues = a.getQueueDatas().stream().map(ApacheRouteModels::ours).toList();
        List<BrokerData> brokers = a.getBrokerDatas().stream().map(ApacheRouteModels::ours).toList();
        return new TopicRouteData(a.getOrderTopicConf(), queues, brokers, a.getFilterServerTable());
    }

    static org.apache.rocketmq.common.protocol.body.ClusterInfo apache(ClusterInfo ours) {
        var a = new org.apache.rocketmq.common.protocol.body.ClusterInfo();
        HashMap<String, org.apache.rocketmq.common.protocol.route.BrokerData> brokers = new HashMap<>();
        ours.brokerAddrTable().forEach((k, v) -> brokers.put(k, apache(v)));
        a.setBrokerAddrTable(brokers);
        a.setClusterAddrTable(new HashMap<>(ours.clusterAddrTable()));
        return a;
    }

    static ClusterInfo ours(org.apache.rocketmq.common.protocol.body.ClusterInfo a) {
        Map<String, BrokerData> brokers = new LinkedHashMap<>();
        a.getBrokerAddrTable().forEach((k, v) -> brokers.put(k, ours(v)));
        return new ClusterInfo(brokers, a.getClusterAddrTable());
    }
}
