package org.relaymq.runtime.broker.messaging;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.SubscriptionGroupConfig;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.relaymq.protocol.message.DelayLevels;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.PutMessageResult;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * CONSUMER_SEND_MSG_BACK (36, protocol.md §4.3): a message the consumer failed to process goes to
 * {@code %RETRY%group} through the delay mechanism (level 3 + reconsumeTimes unless given), or to
 * {@code %DLQ%group} when consumed too often or asked for (delayLevel &lt; 0).
 */
public final class ConsumerSendMsgBackHandler implements RequestHandler {

    private final MessagingContext ctx;
    private final SendTargets targets;

    public ConsumerSendMsgBackHandler(MessagingContext ctx) {
        this.ctx = ctx;
        this.targets = new SendTargets(ctx);
    }

    @Override
    public RemotingCommand handle(RequestContext rc, RemotingCommand request) {
        ConsumerSendMsgBackRequestHeader h = ConsumerSendMsgBackRequestHeader.fromExt(request.ext());
        SubscriptionGroupConfig group = ctx.groups().findOrAutoCreate(h.group()).orElseThrow(() ->
                new ProtocolException(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group not exist, "
                        + h.group()));
        if (!ctx.brokerWritable() || ctx.isSlave()) {
            throw new ProtocolException(ResponseCode.NO_PERMISSION, "the broker[" + ctx.broker().brokerName()
                    + "] sending message is forbidden");
        }
        if (group.retryQueueNums() <= 0) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
        }
        StoredMessage original = ctx.store().lookMessageByOffset(h.offset()).orElseThrow(() ->
                new ProtocolException(ResponseCode.SYSTEM_ERROR, "look message by offset failed, " + h.offset()));
        Placement placement = placementFor(h, group, original);
        StoredMessage retry = StoredMessage.builder().topic(placement.topic()).queueId(placement.queueId())
                .flag(original.flag()).sysFlag(original.sysFlag()).bornTimestamp(original.bornTimestamp())
                .bornHost(original.bornHost()).storeHost(ctx.currentStoreHost())
                .reconsumeTimes(original.reconsumeTimes() + 1).body(original.body())
                .properties(MessageRewrites.encodeChecked(placement.properties())).build();
        return SendResponses.answer(rc, ctx.store().putAsync(retry), result -> toResponse(request, result));
    }

    private Placement placementFor(ConsumerSendMsgBackRequestHeader h, SubscriptionGroupConfig group,
                                   StoredMessage original) {
        Map<String, String> props = MessageRewrites.parseStrict(original.properties());
        props.putIfAbsent(MessageConst.RETRY_TOPIC, original.topic());
        String originId = props.get(MessageConst.ORIGIN_MESSAGE_ID);
        if (originId == null || originId.isBlank()) {
            props.put(MessageConst.ORIGIN_MESSAGE_ID, original.offsetMsgId());
        }
        props.put(MessageConst.WAIT_STORE_MSG_OK, "false");
        props.remove(MessageConst.DELAY_TIME_LEVEL);
        int max = h.maxReconsumeTimes() != null
                ? SystemTopics.effectiveMaxReconsumeTimes(h.maxReconsumeTimes()) : group.retryMaxTimes();
        if (original.reconsumeTimes() >= max || h.delayLevel() < 0) {
            TopicConfig dlq = targets.ensureDlq(h.group());
            return new Placement(dlq.topicName(), 0, props, original.sysFlag());
        }
        TopicConfig retryTopic = ensureRetryTopic(h.group(), group.retryQueueNums());
        int level = h.delayLevel() == 0 ? DelayLevels.retryLevel(original.reconsumeTimes()) : h.delayLevel();
        props.put(MessageConst.DELAY_TIME_LEVEL, Integer.toString(level));
        int queueId = ThreadLocalRandom.current().nextInt(Integer.MAX_VALUE) % Math.max(1, group.retryQueueNums());
        return new Placement(retryTopic.topicName(), queueId, props, original.sysFlag()).scheduled(ctx.delayLevels());
    }

    private TopicConfig ensureRetryTopic(String group, int queueNums) {
        boolean existed = ctx.topics().find(SystemTopics.retryTopic(group)).isPresent();
        TopicConfig topic = ctx.topics().ensureRetryTopic(group, queueNums);
        if (!existed) {
            ctx.topicsCreated().run();
        }
        if (!PermName.isWritable(topic.perm())) {
            throw new ProtocolException(ResponseCode.NO_PERMISSION, "the topic[" + topic.topicName()
                    + "] sending message is forbidden");
        }
        return topic;
    }

    private static RemotingCommand toResponse(RemotingCommand request, PutMessageResult result) {
        if (result.status().isStored()) {
            return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                result.reason().isEmpty() ? result.status().name() : result.reason());
    }
}
