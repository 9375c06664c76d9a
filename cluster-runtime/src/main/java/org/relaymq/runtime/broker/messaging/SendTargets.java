package org.relaymq.runtime.broker.messaging;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.SubscriptionGroupConfig;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.runtime.broker.topic.TopicNames;

/**
 * Steps 1–5 of protocol.md §4.2 for a send: broker role and permission, topic name, system topics that
 * producers may not write, auto-creation from the template topic, queue choice and range, and the
 * retry → DLQ redirect. Failures are {@link ProtocolException}s carrying the response code.
 */
final class SendTargets {

    /** Where a message goes after the checks. */
    record Target(TopicConfig topic, int queueId) {
    }

    static final Set<String> NOT_ALLOWED_SEND_TOPICS = Set.of(SystemTopics.SCHEDULE_TOPIC,
            SystemTopics.TRANS_HALF_TOPIC, SystemTopics.TRANS_OP_HALF_TOPIC, "TRANS_CHECK_MAX_TIME_TOPIC",
            TopicNames.SELF_TEST_TOPIC, TopicNames.OFFSET_MOVED_EVENT);

    private final MessagingContext ctx;

    SendTargets(MessagingContext ctx) {
        this.ctx = ctx;
    }

    Target resolve(String topic, String defaultTopic, int defaultQueueNums, int requestedQueueId) {
        if (ctx.isSlave()) {
            throw new ProtocolException(ResponseCode.SERVICE_NOT_AVAILABLE, "the broker["
                    + ctx.broker().brokerName() + "] is a slave, sending messages to it is not allowed");
        }
        String problem = TopicNames.problem(topic);
        if (problem != null) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, problem);
        }
        if (NOT_ALLOWED_SEND_TOPICS.contains(topic)) {
            throw new ProtocolException(ResponseCode.NO_PERMISSION, "Sending message to topic[" + topic
                    + "] is forbidden.");
        }
        if (!ctx.brokerWritable()) {
            throw new ProtocolException(ResponseCode.NO_PERMISSION, "the broker[" + ctx.broker().brokerName()
                    + "] sending message is forbidden");
        }
        TopicConfig config = findOrCreate(topic, defaultTopic, defaultQueueNums);
        if (!PermName.isWritable(config.perm())) {
            throw new ProtocolException(ResponseCode.NO_PERMISSION, "the topic[" + topic
                    + "] sending message is forbidden");
        }
        return new Target(config, chooseQueue(config, requestedQueueId));
    }

    private TopicConfig findOrCreate(String topic, String defaultTopic, int defaultQueueNums) {
        Optional<TopicConfig> existing = ctx.topics().find(topic);
        if (existing.isPresent()) {
            return existing.get();
        }
        TopicConfig created;
        if (SystemTopics.isRetryTopic(topic)) {
            created = ctx.topics().ensureTopic(topic, SystemTopics.RETRY_DLQ_QUEUE_NUMS, PermName.READ_WRITE, 0);
        } else {
            created = ctx.topics().findOrCreateForSend(topic, defaultTopic, defaultQueueNums, 0)
                    .orElseThrow(() -> new ProtocolException(ResponseCode.TOPIC_NOT_EXIST, "topic[" + topic
                            + "] not exist, apply first please!"));
        }
        ctx.topicsCreated().run();
        return created;
    }

    private static int chooseQueue(TopicConfig config, int requested) {
        int queueId = requested;
        if (queueId < 0) {
            if (config.writeQueueNums() <= 0) {
                throw new ProtocolException(ResponseCode.SYSTEM_ERROR, "topic[" + config.topicName()
                        + "] has no write queue");
            }
            queueId = ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE) % config.writeQueueNums();
        }
        int valid = Math.max(config.writeQueueNums(), config.readQueueNums());
        if (queueId >= valid) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, String.format(
                    "request queueId[%d] is illegal, topic[%s] has %d queues", queueId, config.topicName(), valid));
        }
        return queueId;
    }

    /**
     * Step 5: a {@code %RETRY%group} message consumed too often goes to {@code %DLQ%group} queue 0 instead.
     * Returns the DLQ target, or null when the message stays where it is.
     *
     * @param headerMax the send header's maxReconsumeTimes ({@code l}), null when absent or too old a client
     */
    Target deadLetterTarget(String topic, int reconsumeTimes, Integer headerMax) {
        if (!SystemTopics.isRetryTopic(topic)) {
            return null;
        }
        String group = SystemTopics.groupOf(topic);
        SubscriptionGroupConfig groupConfig = ctx.groups().findOrAutoCreate(group).orElseThrow(() ->
                new ProtocolException(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group not exist, "
                        + group));
        int max = headerMax != null ? SystemTopics.effectiveMaxReconsumeTimes(headerMax) : groupConfig.retryMaxTimes();
        if (reconsumeTimes < max) {
            return null;
        }
        return new Target(ensureDlq(group), 0);
    }

    TopicConfig ensureDlq(String group) {
        boolean existed = ctx.topics().find(SystemTopics.dlqTopic(group)).isPresent();
        TopicConfig dlq = ctx.topics().ensureDlqTopic(group);
        if (!existed) {
            ctx.topicsCreated().run();
        }
        return dlq;
    }
}
