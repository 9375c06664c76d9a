package org.relaymq.protocol.body;

import java.util.Comparator;

/** One queue of a topic on one broker; ordered by topic, broker name, queue id like Apache's. */
public record MessageQueue(String brokerName, int queueId, String topic) implements Comparable<MessageQueue> {

    private static final Comparator<MessageQueue> ORDER = Comparator
            .comparing(MessageQueue::topic, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparing(MessageQueue::brokerName, Comparator.nullsFirst(Comparator.<String>naturalOrder()))
            .thenComparingInt(MessageQueue::queueId);

    public static MessageQueue of(String topic, String brokerName, int queueId) {
        return new MessageQueue(brokerName, queueId, topic);
    }

    @Override
    public int compareTo(MessageQueue other) {
        return ORDER.compare(this, other);
    }
}
