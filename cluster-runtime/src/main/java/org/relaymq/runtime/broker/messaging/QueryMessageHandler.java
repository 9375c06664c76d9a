package org.relaymq.runtime.broker.messaging;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.QueryMessageRequestHeader;
import org.relaymq.protocol.header.QueryMessageResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.QueryMessageResult;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * QUERY_MESSAGE (12): records of a topic indexed under a key (KEYS or UNIQ_KEY) in a store-time range;
 * {@code _UNIQUE_KEY_QUERY=true} looks for a UNIQ_KEY with maxNum 32. None → 22.
 */
public final class QueryMessageHandler implements RequestHandler {

    static final String NOT_FOUND_REMARK = "can not find message, maybe time range not correct";

    private final MessagingContext ctx;

    public QueryMessageHandler(MessagingContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public RemotingCommand handle(RequestContext rc, RemotingCommand request) {
        QueryMessageRequestHeader h = QueryMessageRequestHeader.fromExt(request.ext());
        int maxNum = h.uniqueKeyQuery() ? MessagingConfig.UNIQUE_KEY_QUERY_MAX
                : Math.max(1, Math.min(h.maxNum(), ctx.config().maxQueryMessages()));
        QueryMessageResult result = ctx.store().queryMessage(h.topic(), h.key(), maxNum, h.beginTimestamp(),
                h.endTimestamp());
        if (result.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND, NOT_FOUND_REMARK);
        }
        QueryMessageResponseHeader header = new QueryMessageResponseHeader(result.indexLastUpdateTimestamp(),
                result.indexLastUpdatePhyOffset());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, header.toExt(), result.toByteArray());
    }
}
