package org.relaymq.runtime.broker.messaging;

import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.SubscriptionGroupConfig;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.PullMessageRequestHeader;
import org.relaymq.protocol.header.PullMessageResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.GetMessageResult;
import org.relaymq.runtime.broker.store.GetMessageStatus;
import org.relaymq.runtime.broker.store.MessageFilter;
import org.relaymq.runtime.remoting.RequestContext;

/**
 * PULL_MESSAGE (11) per protocol.md §8.2: checks, filter, store read, status → code with the four header
 * fields on every answer, slave rule, offset commit, and long polling through {@link LongPollingService}.
 */
public final class PullMessageService {

    private final MessagingContext ctx;
    private final PullFilters filters;
    private final LongPollingService longPolling;

    public PullMessageService(MessagingContext ctx, LongPollingService longPolling) {
        this.ctx = ctx;
        this.filters = new PullFilters(ctx.consumers());
        this.longPolling = longPolling;
    }

    /**
     * Serves a pull. With {@code allowSuspend} (the first execution) a pull that finds nothing and carries
     * FLAG_SUSPEND is held and null is returned; re-executions never hold.
     */
    public RemotingCommand execute(RequestContext rc, RemotingCommand request, boolean allowSuspend) {
        PullMessageRequestHeader h = PullMessageRequestHeader.fromExt(request.ext());
        if (!ctx.brokerReadable()) {
            throw new ProtocolException(ResponseCode.NO_PERMISSION, "the broker[" + ctx.broker().brokerName()
                    + "] pulling message is forbidden");
        }
        SubscriptionGroupConfig group = ctx.groups().findOrAutoCreate(h.consumerGroup()).orElseThrow(() ->
                new ProtocolException(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST, "subscription group ["
                        + h.consumerGroup() + "] does not exist"));
        if (!group.consumeEnable()) {
            throw new ProtocolException(ResponseCode.NO_PERMISSION, "subscription group no permission, "
                    + h.consumerGroup());
        }
        checkQueue(h);
        MessageFilter filter = filters.filterFor(h, group);
        GetMessageResult result = ctx.store().get(h.consumerGroup(), h.topic(), h.queueId(), h.queueOffset(),
                Math.max(1, Math.min(h.maxMsgNums(), ctx.config().maxPullMessages())), ctx.config().maxPullBytes(),
                filter);
        RemotingCommand response = toResponse(request, h, group, result);
        boolean firstExecution = allowSuspend;
        if (firstExecution && PullFilters.has(h.sysFlag(), PullFilters.FLAG_COMMIT_OFFSET) && !ctx.isSlave()) {
            ctx.offsets().commitOffset(h.consumerGroup(), h.topic(), h.queueId(), h.commitOffset());
        }
        if (response.code() == ResponseCode.PULL_NOT_FOUND && firstExecution
                && PullFilters.has(h.sysFlag(), PullFilters.FLAG_SUSPEND)) {
            longPolling.hold(rc, h.topic(), h.queueId(), h.queueOffset(), filter,
                    ctx.config().holdMillis(h.suspendTimeoutMillis()), () -> execute(rc, request, false));
            return null;
        }
        return response;
    }

    private void checkQueue(PullMessageRequestHeader h) {
        TopicConfig topic = ctx.topics().find(h.topic()).orElseThrow(() ->
                new ProtocolException(ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.topic()
                        + "] not exist, apply first please!"));
        if (!PermName.isReadable(topic.perm())) {
            throw new ProtocolException(ResponseCode.NO_PERMISSION, "the topic[" + h.topic()
                    + "] pulling message is forbidden");
        }
        if (h.queueId() < 0 || h.queueId() >= topic.readQueueNums()) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, String.format("queueId[%d] is illegal, topic:[%s] "
                    + "topicConfig.readQueueNums:[%d] consumer:[%s]", h.queueId(), h.topic(), topic.readQueueNums(),
                    h.consumerGroup()));
        }
    }

    private RemotingCommand toResponse(RemotingCommand request, PullMessageRequestHeader h,
                                       SubscriptionGroupConfig group, GetMessageResult result) {
        int code = codeOf(result.status(), h.queueOffset());
        long next = result.nextBeginOffset();
        long suggest = suggestBrokerId(result, group);
        if (code == ResponseCode.PULL_OFFSET_MOVED && ctx.isSlave()) {
            code = ResponseCode.PULL_RETRY_IMMEDIATELY;
            next = h.queueOffset();
            suggest = group.brokerId();
        }
        PullMessageResponseHeader header = new PullMessageResponseHeader(suggest, next, result.minOffset(),
                result.maxOffset());
        byte[] body = code == ResponseCode.SUCCESS ? result.toByteArray() : null;
        return RemotingCommand.responseTo(request, code, result.status().name(), header.toExt(), body);
    }

    static int codeOf(GetMessageStatus status, long requestedOffset) {
        return switch (status) {
            case FOUND -> ResponseCode.SUCCESS;
            case NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING -> ResponseCode.PULL_RETRY_IMMEDIATELY;
            case NO_MESSAGE_IN_QUEUE, NO_MATCHED_LOGIC_QUEUE -> requestedOffset != 0
                    ? ResponseCode.PULL_OFFSET_MOVED : ResponseCode.PULL_NOT_FOUND;
            case OFFSET_TOO_SMALL, OFFSET_OVERFLOW_BADLY -> ResponseCode.PULL_OFFSET_MOVED;
            case OFFSET_OVERFLOW_ONE, OFFSET_FOUND_NULL -> ResponseCode.PULL_NOT_FOUND;
        };
    }

    private long suggestBrokerId(GetMessageResult result, SubscriptionGroupConfig group) {
        if (!ctx.config().slaveReadEnable()) {
            return 0;
        }
        long pulled = result.maxPhysicalOffsetPulled();
        long lag = pulled < 0 ? 0 : ctx.store().commitLogMaxOffset() - pulled;
        return lag > ctx.config().consumeSlowlyLagBytes() ? group.whichBrokerWhenConsumeSlowly() : 0;
    }
}
