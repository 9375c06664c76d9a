package org.relaymq.protocol.message;

/** Names of the system topics behind delay, retry, DLQ and transactions (protocol.md §6.3). */
public final class SystemTopics {

    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";
    public static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";
    public static final String TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final String TRANS_OP_HALF_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    /** Retry and DLQ topics have one queue with read+write permission. */
    public static final int RETRY_DLQ_QUEUE_NUMS = 1;
    public static final int RETRY_DLQ_PERM = 6;
    /** Max reconsume times when the client sends -1. */
    public static final int DEFAULT_MAX_RECONSUME_TIMES = 16;

    private SystemTopics() {
    }

    public static String retryTopic(String consumerGroup) {
        return RETRY_GROUP_TOPIC_PREFIX + consumerGroup;
    }

    public static String dlqTopic(String consumerGroup) {
        return DLQ_GROUP_TOPIC_PREFIX + consumerGroup;
    }

    public static boolean isRetryTopic(String topic) {
        return topic != null && topic.startsWith(RETRY_GROUP_TOPIC_PREFIX);
    }

    public static boolean isDlqTopic(String topic) {
        return topic != null && topic.startsWith(DLQ_GROUP_TOPIC_PREFIX);
    }

    /** The consumer group of a retry or DLQ topic, or null for any other topic. */
    public static String groupOf(String topic) {
        if (isRetryTopic(topic)) {
            return topic.substring(RETRY_GROUP_TOPIC_PREFIX.length());
        }
        if (isDlqTopic(topic)) {
            return topic.substring(DLQ_GROUP_TOPIC_PREFIX.length());
        }
        return null;
    }

    /** The effective max reconsume times: 16 when the client sent -1. */
    public static int effectiveMaxReconsumeTimes(int requested) {
        return requested == -1 ? DEFAULT_MAX_RECONSUME_TIMES : requested;
    }

    /** Consumer offsets are keyed {@code topic@group}. */
    public static String offsetKey(String topic, String group) {
        return topic + "@" + group;
    }
}
