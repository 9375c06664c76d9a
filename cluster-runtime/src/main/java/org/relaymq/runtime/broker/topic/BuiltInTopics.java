package org.relaymq.runtime.broker.topic;

import java.util.ArrayList;
import java.util.List;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicFilterType;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.runtime.broker.BrokerConfig;

/** The topics every 4.9.x broker creates for itself (protocol.md §4.4.1). */
final class BuiltInTopics {

    /** One schedule queue per delay level. */
    static final int SCHEDULE_QUEUE_NUMS = 18;
    static final int BENCHMARK_QUEUE_NUMS = 1024;
    static final int CLUSTER_TOPIC_QUEUE_NUMS = 16;

    private BuiltInTopics() {
    }

    static List<TopicConfig> of(BrokerConfig config) {
        int rw = PermName.READ_WRITE;
        int inheritRw = PermName.PERM_INHERIT | rw;
        List<TopicConfig> topics = new ArrayList<>();
        topics.add(TopicConfig.of(TopicNames.SELF_TEST_TOPIC, 1, rw));
        if (config.autoCreateTopicEnable()) {
            topics.add(TopicConfig.of(TopicNames.AUTO_CREATE_TOPIC, config.defaultTopicQueueNums(), inheritRw));
        }
        topics.add(TopicConfig.of(TopicNames.BENCHMARK_TOPIC, BENCHMARK_QUEUE_NUMS, rw));
        topics.add(new TopicConfig(config.brokerClusterName(), CLUSTER_TOPIC_QUEUE_NUMS, CLUSTER_TOPIC_QUEUE_NUMS,
                inheritRw, TopicFilterType.SINGLE_TAG, 0, false));
        topics.add(TopicConfig.of(config.brokerName(), 1, inheritRw));
        topics.add(TopicConfig.of(TopicNames.OFFSET_MOVED_EVENT, 1, rw));
        topics.add(TopicConfig.of(SystemTopics.SCHEDULE_TOPIC, SCHEDULE_QUEUE_NUMS, rw));
        if (config.traceTopicEnable()) {
            topics.add(TopicConfig.of(TopicNames.TRACE_TOPIC, 1, rw));
        }
        topics.add(TopicConfig.of(config.brokerClusterName() + TopicNames.REPLY_TOPIC_SUFFIX, 1, rw));
        return topics;
    }
}
