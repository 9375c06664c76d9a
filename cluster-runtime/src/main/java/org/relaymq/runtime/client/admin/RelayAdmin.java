package org.relaymq.runtime.client.admin;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.ClusterInfo;
import org.relaymq.protocol.body.ConsumeStats;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.CreateTopicRequestHeader;
import org.relaymq.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import org.relaymq.protocol.header.DeleteTopicRequestHeader;
import org.relaymq.protocol.header.GetConsumeStatsRequestHeader;
import org.relaymq.protocol.header.QueryMessageRequestHeader;
import org.relaymq.protocol.header.ViewMessageRequestHeader;
import org.relaymq.protocol.message.MessageId;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;

/** Admin basics over a client instance: cluster info, routes, topics, message lookup, consumer lag. */
public final class RelayAdmin {

    private final ClientInstance client;

    public RelayAdmin(ClientInstance client) {
        this.client = client;
    }

    private RemotingCommand namesrvCall(int code, Map<String, String> ext) throws ClientException {
        ClientException last = null;
        for (String ns : client.routes().namesrvs()) {
            try {
                return client.calls().call(ns, code, ext, null);
            } catch (ClientException e) {
                last = e;
                if (e.code() != ClientException.LOCAL) {
                    throw e;
                }
            }
        }
        throw last;
    }

    /** GET_BROKER_CLUSTER_INFO (106) from the first NameServer that answers. */
    public ClusterInfo clusterInfo() throws ClientException {
        return ClusterInfo.decode(namesrvCall(RequestCode.GET_BROKER_CLUSTER_INFO, null).body());
    }

    public Optional<TopicRouteData> topicRoute(String topic) {
        return client.routes().fetch(topic);
    }

    /** Whether the last NameServer query got an answer (an empty route can also mean none answered). */
    public org.relaymq.runtime.client.internal.NamesrvStatus namesrvStatus() {
        return client.namesrvStatus();
    }

    /** UPDATE_AND_CREATE_TOPIC (17) on every master of {@code cluster}; returns the brokers created on. */
    public List<String> createTopic(String cluster, String topic, int queues) throws ClientException {
        ClusterInfo info = clusterInfo();
        List<String> done = new ArrayList<>();
        for (String brokerName : info.clusterAddrTable().getOrDefault(cluster, java.util.Set.of())) {
            BrokerData b = info.brokerAddrTable().get(brokerName);
            if (b != null && b.masterAddr() != null) {
                client.calls().call(b.masterAddr(), RequestCode.UPDATE_AND_CREATE_TOPIC, new CreateTopicRequestHeader(
                        topic, "TBW102", queues, queues, PermName.READ_WRITE, "SINGLE_TAG", 0, false).toExt(), null);
                done.add(brokerName);
            }
        }
        return done;
    }

    /** DELETE_TOPIC_IN_BROKER (215) on every master of the route, then DELETE_TOPIC_IN_NAMESRV (216). */
    public void deleteTopic(String cluster, String topic) throws ClientException {
        for (BrokerData b : clusterInfo().brokerAddrTable().values()) {
            if (cluster.equals(b.cluster()) && b.masterAddr() != null) {
                client.calls().call(b.masterAddr(), RequestCode.DELETE_TOPIC_IN_BROKER,
                        new DeleteTopicRequestHeader(topic).toExt(), null);
            }
        }
        for (String ns : client.routes().namesrvs()) {
            client.calls().call(ns, RequestCode.DELETE_TOPIC_IN_NAMESRV,
                    new DeleteTopicFromNamesrvRequestHeader(topic, cluster).toExt(), null);
        }
    }

    /** QUERY_MESSAGE (12) by key on every broker of the topic. */
    public List<StoredMessage> queryByKey(String topic, String key, int maxNum, long begin, long end)
            throws ClientException {
        return query(topic, key, maxNum, begin, end, false);
    }

    /** QUERY_MESSAGE (12) by the client-generated id ({@code UNIQ_KEY}, the msgId of a send) over all time. */
    public List<StoredMessage> queryByUniqKey(String topic, String uniqKey) throws ClientException {
        return query(topic, uniqKey, 32, 0, Long.MAX_VALUE, true).stream()
                .filter(m -> uniqKey.equals(m.uniqKey())).toList();
    }

    private List<StoredMessage> query(String topic, String key, int maxNum, long begin, long end, boolean uniq)
            throws ClientException {
        List<StoredMessage> out = new ArrayList<>();
        TopicRouteData route = topicRoute(topic).orElseThrow(() -> new ClientException(ResponseCode.TOPIC_NOT_EXIST,
                "no route for " + topic));
        for (BrokerData b : route.brokerDatas()) {
            String addr = b.masterAddr() != null ? b.masterAddr() : b.brokerAddrs().values().iterator().next();
            RemotingCommand r = client.calls().call(addr, RequestCode.QUERY_MESSAGE, new QueryMessageRequestHeader(
                    topic, key, maxNum, begin, end, uniq).toExt(), null, ResponseCode.QUERY_NOT_FOUND);
            if (r.code() == ResponseCode.SUCCESS) {
                out.addAll(StoredMessageCodec.decodeAll(ByteBuffer.wrap(r.body())));
            }
        }
        return out;
    }

    /** VIEW_MESSAGE_BY_ID (33) at the store host named by an offset message id. */
    public StoredMessage viewByOffsetId(String offsetMsgId) throws ClientException {
        MessageId id = MessageId.parse(offsetMsgId);
        String addr = id.storeHost().getAddress().getHostAddress() + ":" + id.storeHost().getPort();
        RemotingCommand r = client.calls().call(addr, RequestCode.VIEW_MESSAGE_BY_ID,
                new ViewMessageRequestHeader(id.commitLogOffset()).toExt(), null);
        return StoredMessageCodec.decodeAll(ByteBuffer.wrap(r.body())).get(0);
    }

    /** GET_CONSUME_STATS (208) from every master of the topic; lag = Σ(brokerOffset − consumerOffset). */
    public long consumerLag(String group, String topic) throws ClientException {
        long lag = 0;
        TopicRouteData route = topicRoute(topic).orElseThrow(() -> new ClientException(ResponseCode.TOPIC_NOT_EXIST,
                "no route for " + topic));
        for (BrokerData b : route.brokerDatas()) {
            if (b.masterAddr() == null) {
                continue;
            }
            ConsumeStats stats = ConsumeStats.decode(client.calls().call(b.masterAddr(), RequestCode.GET_CONSUME_STATS,
                    new GetConsumeStatsRequestHeader(group, topic).toExt(), null).body());
            lag += stats.offsetTable().values().stream().mapToLong(o -> Math.max(0, o.brokerOffset()
                    - o.consumerOffset())).sum();
        }
        return lag;
    }

    /** GET_CONSUME_STATS (208) of every topic of {@code group} from every master of every cluster, merged. */
    public ConsumeStats consumeStats(String group) throws ClientException {
        Map<org.relaymq.protocol.body.MessageQueue, org.relaymq.protocol.body.OffsetWrapper> table =
                new java.util.TreeMap<>();
        double tps = 0;
        for (BrokerData b : clusterInfo().brokerAddrTable().values()) {
            if (b.masterAddr() == null) {
                continue;
            }
            RemotingCommand r = client.calls().call(b.masterAddr(), RequestCode.GET_CONSUME_STATS,
                    new GetConsumeStatsRequestHeader(group, null).toExt(), null, ResponseCode.SYSTEM_ERROR);
            if (r.code() == ResponseCode.SUCCESS && r.body() != null) {
                ConsumeStats stats = ConsumeStats.decode(r.body());
                table.putAll(stats.offsetTable());
                tps += stats.consumeTps();
            }
        }
        return new ConsumeStats(tps, table);
    }
}
