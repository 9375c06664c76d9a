package org.relaymq.console.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.ClusterInfo;
import org.relaymq.protocol.body.TopicList;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetRouteInfoRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingException;

/**
 * Asks a NameServer what the plain RocketMQ protocol can tell: GET_BROKER_CLUSTER_INFO (106), the topic
 * list (GET_ALL_TOPIC_LIST_FROM_NAMESERVER, 206) and GET_ROUTEINFO_BY_TOPIC (105) for each topic that
 * is not a system topic (at most {@link #MAX_TOPICS}).
 */
final class ProtocolPoller {

    static final int MAX_TOPICS = 20;

    private final NettyRemotingClient client;
    private final long timeoutMillis;

    ProtocolPoller(NettyRemotingClient client, long timeoutMillis) {
        this.client = client;
        this.timeoutMillis = timeoutMillis;
    }

    ProtocolView poll(String address, long nowMillis, long intervalMillis) throws InterruptedException {
        List<ProtocolView.Broker> brokers = new ArrayList<>();
        Map<String, List<String>> routes = new TreeMap<>();
        try {
            ClusterInfo info = ClusterInfo.decode(call(address, RequestCode.GET_BROKER_CLUSTER_INFO, Map.of()));
            info.brokerAddrTable().values().forEach(b -> b.brokerAddrs().forEach((id, addr) -> brokers.add(
                    new ProtocolView.Broker(b.cluster(), b.brokerName(), id, addr))));
            for (String topic : topics(address)) {
                TopicRouteData route = TopicRouteData.decode(call(address, RequestCode.GET_ROUTEINFO_BY_TOPIC,
                        new GetRouteInfoRequestHeader(topic, null).toExt()));
                routes.put(topic, route.brokerDatas().stream().map(ProtocolPoller::describe).toList());
            }
            return new ProtocolView(address, nowMillis, intervalMillis, brokers, routes, null);
        } catch (RemotingException | IllegalStateException e) {
            return new ProtocolView(address, nowMillis, intervalMillis, brokers, routes, e.getMessage());
        }
    }

    private List<String> topics(String address) throws RemotingException, InterruptedException {
        TopicList list = TopicList.decode(call(address, RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, Map.of()));
        return list.topicList().stream().filter(t -> !isSystemTopic(t)).sorted().limit(MAX_TOPICS).toList();
    }

    static boolean isSystemTopic(String topic) {
        return topic.startsWith("RMQ_SYS_") || topic.startsWith("%RETRY%") || topic.startsWith("%DLQ%")
                || topic.equals("TBW102") || topic.equals("SELF_TEST_TOPIC") || topic.equals("OFFSET_MOVED_EVENT")
                || topic.equals("SCHEDULE_TOPIC_XXXX") || topic.equals("BenchmarkTest")
                || topic.startsWith("rmq_sys_") || !topic.equals(topic.strip()) || topic.contains("_REPLY_TOPIC");
    }

    private static String describe(BrokerData b) {
        String master = b.brokerAddrs().get(BrokerData.MASTER_ID);
        return b.brokerName() + (master == null ? " (no master)" : " (master " + master + ")");
    }

    private byte[] call(String address, int code, Map<String, String> ext) throws RemotingException,
            InterruptedException {
        RemotingCommand answer = client.invokeSync(address, RemotingCommand.request(code, ext), timeoutMillis);
        if (answer.code() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("request " + code + " answered " + answer.code() + " " + answer.remark());
        }
        return answer.body() == null ? new byte[0] : answer.body();
    }
}
