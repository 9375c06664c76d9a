package org.relaymq.runtime.broker.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import org.relaymq.protocol.message.DelayLevels;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.SysFlag;
import org.relaymq.protocol.message.SystemTopics;

/**
 * Where a message is stored and with which properties, and the rewrites that park it elsewhere: delayed
 * messages go to {@code SCHEDULE_TOPIC_XXXX} queue level − 1 (protocol.md §4.2 step 8, §6.3), transactional
 * half messages to {@code RMQ_SYS_TRANS_HALF_TOPIC} queue 0; both remember REAL_TOPIC / REAL_QID.
 */
record Placement(String topic, int queueId, Map<String, String> properties, int sysFlag) {

    Placement {
        properties = new LinkedHashMap<>(properties);
    }

    boolean isTransactionPrepared() {
        return Boolean.parseBoolean(properties.get(MessageConst.TRANSACTION_PREPARED));
    }

    /** Parks a message with DELAY > 0 (clamped to the highest level) unless it is a prepared/rolled-back one. */
    Placement scheduled(DelayLevels levels) {
        int tx = SysFlag.transactionValue(sysFlag);
        if (tx != SysFlag.TRANSACTION_NOT_TYPE && tx != SysFlag.TRANSACTION_COMMIT_TYPE) {
            return this;
        }
        int level = MessageRewrites.delayLevel(properties);
        if (level <= 0) {
            return this;
        }
        int clamped = levels.clamp(level);
        Map<String, String> props = withReal();
        props.put(MessageConst.DELAY_TIME_LEVEL, Integer.toString(clamped));
        return new Placement(SystemTopics.SCHEDULE_TOPIC, levels.queueIdOf(clamped), props, sysFlag);
    }

    /** A prepared transactional message becomes a half message (transaction bits reset). */
    Placement halfMessage() {
        return new Placement(SystemTopics.TRANS_HALF_TOPIC, 0, withReal(),
                SysFlag.resetTransactionValue(sysFlag, SysFlag.TRANSACTION_NOT_TYPE));
    }

    /** Without a delay (DLQ, or a delayed message coming due). */
    Placement withoutDelay() {
        Map<String, String> props = new LinkedHashMap<>(properties);
        props.remove(MessageConst.DELAY_TIME_LEVEL);
        return new Placement(topic, queueId, props, sysFlag);
    }

    Placement to(String newTopic, int newQueueId) {
        return new Placement(newTopic, newQueueId, properties, sysFlag);
    }

    private Map<String, String> withReal() {
        Map<String, String> props = new LinkedHashMap<>(properties);
        props.put(MessageConst.REAL_TOPIC, topic);
        props.put(MessageConst.REAL_QUEUE_ID, Integer.toString(queueId));
        return props;
    }
}
