package org.relaymq.runtime.client.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;

/**
 * The queues a producer may write to for a topic (protocol.md §10.2): for every QueueData with write
 * permission whose broker has a master, queues {@code 0..writeQueueNums-1}, sorted by broker name; or the
 * {@code orderTopicConf} list when set. {@code excluded} says why the route's other brokers are unusable.
 *
 * @param fromDefaultTopic the topic has no route yet: these are TBW102's brokers (the broker auto-creates)
 */
public record PublishInfo(String topic, List<MessageQueue> queues, Map<String, String> excluded,
                          boolean fromDefaultTopic) {

    public PublishInfo {
        queues = List.copyOf(queues);
        excluded = Map.copyOf(excluded);
    }

    /** {@code queueCap} > 0 caps each broker's queue count (TBW102 fallback: min(defaultTopicQueueNums, read)). */
    public static PublishInfo from(String topic, TopicRouteData route, int queueCap) {
        List<MessageQueue> queues = new ArrayList<>();
        Map<String, String> excluded = new LinkedHashMap<>();
        if (route.orderTopicConf() != null && !route.orderTopicConf().isBlank()) {
            for (String entry : route.orderTopicConf().split(";")) {
                String[] parts = entry.split(":");
                for (int i = 0; i < Integer.parseInt(parts[1].trim()); i++) {
                    queues.add(new MessageQueue(parts[0].trim(), i, topic));
                }
            }
            return new PublishInfo(topic, queues, excluded, false);
        }
        for (QueueData qd : route.queueDatas()) {
            BrokerData bd = route.brokerDatas().stream().filter(b -> b.brokerName().equals(qd.brokerName()))
                    .findFirst().orElse(null);
            if (!PermName.isWritable(qd.perm())) {
                excluded.put(qd.brokerName(), "not writable (perm " + PermName.describe(qd.perm()) + ")");
            } else if (bd == null || bd.masterAddr() == null) {
                excluded.put(qd.brokerName(), "no master in route");
            } else {
                int n = queueCap > 0 ? Math.min(queueCap, qd.readQueueNums()) : qd.writeQueueNums();
                for (int i = 0; i < n; i++) {
                    queues.add(new MessageQueue(qd.brokerName(), i, topic));
                }
            }
        }
        return new PublishInfo(topic, queues, excluded, queueCap > 0);
    }
}
