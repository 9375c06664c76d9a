package org.relaymq.runtime.broker.messaging;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import org.relaymq.protocol.header.GetEarliestMsgStoretimeResponseHeader;
import org.relaymq.protocol.header.GetMaxOffsetRequestHeader;
import org.relaymq.protocol.header.GetMaxOffsetResponseHeader;
import org.relaymq.protocol.header.GetMinOffsetRequestHeader;
import org.relaymq.protocol.header.GetMinOffsetResponseHeader;
import org.relaymq.protocol.header.SearchOffsetRequestHeader;
import org.relaymq.protocol.header.SearchOffsetResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * The four queue-offset look-ups, one handler each (their header field is always present):
 * GET_MAX_OFFSET (30), GET_MIN_OFFSET (31), SEARCH_OFFSET_BY_TIMESTAMP (29), GET_EARLIEST_MSG_STORETIME (32).
 */
public final class QueueOffsetHandlers {

    private QueueOffsetHandlers() {
    }

    /** 30: the queue's max logical offset (next to be written); 0 for an unknown queue. */
    public static RequestHandler getMaxOffset(MessageStore store) {
        return (ctx, request) -> {
            GetMaxOffsetRequestHeader h = GetMaxOffsetRequestHeader.fromExt(request.ext());
            return ok(request, new GetMaxOffsetResponseHeader(store.maxOffsetInQueue(h.topic(), h.queueId())).toExt());
        };
    }

    /** 31: the queue's min logical offset. */
    public static RequestHandler getMinOffset(MessageStore store) {
        return (ctx, request) -> {
            GetMinOffsetRequestHeader h = GetMinOffsetRequestHeader.fromExt(request.ext());
            return ok(request, new GetMinOffsetResponseHeader(store.minOffsetInQueue(h.topic(), h.queueId())).toExt());
        };
    }

    /** 29: the offset whose store time is equal to or closest to the timestamp. */
    public static RequestHandler searchOffsetByTimestamp(MessageStore store) {
        return (ctx, request) -> {
            SearchOffsetRequestHeader h = SearchOffsetRequestHeader.fromExt(request.ext());
            long offset = store.offsetByTime(h.topic(), h.queueId(), h.timestamp());
            return ok(request, new SearchOffsetResponseHeader(offset).toExt());
        };
    }

    /** 32: store time of the queue's earliest message (-1 when it has none). */
    public static RequestHandler getEarliestMsgStoretime(MessageStore store) {
        return (ctx, request) -> {
            GetEarliestMsgStoretimeRequestHeader h = GetEarliestMsgStoretimeRequestHeader.fromExt(request.ext());
            long timestamp = store.earliestMessageTime(h.topic(), h.queueId());
            return ok(request, new GetEarliestMsgStoretimeResponseHeader(timestamp).toExt());
        };
    }

    private static RemotingCommand ok(RemotingCommand request, java.util.Map<String, String> ext) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, ext, null);
    }
}
