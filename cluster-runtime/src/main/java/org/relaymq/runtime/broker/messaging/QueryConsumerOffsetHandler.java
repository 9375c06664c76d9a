package org.relaymq.runtime.broker.messaging;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.QueryConsumerOffsetRequestHeader;
import org.relaymq.protocol.header.QueryConsumerOffsetResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.GetMessageResult;
import org.relaymq.runtime.broker.store.GetMessageStatus;
import org.relaymq.runtime.broker.store.MessageFilter;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * QUERY_CONSUMER_OFFSET (14): the committed offset; else 0 when the queue still starts at 0 and its first
 * message is "hot" (fewer than {@code hotDataBytes} commit-log bytes after it, or no message yet), so a new
 * group on a young queue starts at the beginning; else 22 (protocol.md §4.3, §8.5).
 */
public final class QueryConsumerOffsetHandler implements RequestHandler {

    static final String NOT_FOUND_REMARK = "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first";

    private final MessagingContext ctx;

    public QueryConsumerOffsetHandler(MessagingContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public RemotingCommand handle(RequestContext rc, RemotingCommand request) {
        QueryConsumerOffsetRequestHeader h = QueryConsumerOffsetRequestHeader.fromExt(request.ext());
        long offset = ctx.offsets().queryOffset(h.consumerGroup(), h.topic(), h.queueId());
        if (offset < 0 && ctx.store().minOffsetInQueue(h.topic(), h.queueId()) <= 0
                && firstMessageIsHot(h.topic(), h.queueId())) {
            offset = 0;
        }
        if (offset < 0) {
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND, NOT_FOUND_REMARK);
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                new QueryConsumerOffsetResponseHeader(offset).toExt(), null);
    }

    private boolean firstMessageIsHot(String topic, int queueId) {
        GetMessageResult first = ctx.store().get("QUERY_CONSUMER_OFFSET", topic, queueId, 0, 1, 1, MessageFilter.ALL);
        if (first.status() != GetMessageStatus.FOUND || first.maxPhysicalOffsetPulled() < 0) {
            return true;
        }
        long bytesAfter = ctx.store().commitLogMaxOffset() - first.maxPhysicalOffsetPulled();
        return bytesAfter < ctx.config().hotDataBytes();
    }
}
