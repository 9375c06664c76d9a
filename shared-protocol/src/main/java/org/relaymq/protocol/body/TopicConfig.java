package org.relaymq.protocol.body;

import java.util.Objects;

/** A topic as a broker holds it and announces it to the NameServers. */
public record TopicConfig(String topicName, int readQueueNums, int writeQueueNums, int perm,
                          TopicFilterType topicFilterType, int topicSysFlag, boolean order) {

    public TopicConfig {
        Objects.requireNonNull(topicName, "topicName");
        if (topicFilterType == null) {
            topicFilterType = TopicFilterType.SINGLE_TAG;
        }
    }

    public static TopicConfig of(String topicName, int queues, int perm) {
        return new TopicConfig(topicName, queues, queues, perm, TopicFilterType.SINGLE_TAG, 0, false);
    }

    public TopicConfig withPerm(int newPerm) {
        return new TopicConfig(topicName, readQueueNums, writeQueueNums, newPerm, topicFilterType, topicSysFlag,
                order);
    }
}
