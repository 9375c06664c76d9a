package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.QueryConsumerOffsetRequestHeader;
import org.relaymq.protocol.header.QueryConsumerOffsetResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.offset.ConsumerOffsetManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * 14 QUERY_CONSUMER_OFFSET: the committed offset; else 0 when the queue still starts hot at offset 0
 * ({@link QueueHeadProbe}); else 22 QUERY_NOT_FOUND, which the client reads as "no offset".
 */
public final class QueryConsumerOffsetHandler implements RequestHandler {

    static final String NOT_FOUND = "Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first";

    private final ConsumerOffsetManager offsets;
    private final QueueHeadProbe probe;

    public QueryConsumerOffsetHandler(ConsumerOffsetManager offsets, QueueHeadProbe probe) {
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.probe = Objects.requireNonNull(probe, "probe");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        QueryConsumerOffsetRequestHeader h = QueryConsumerOffsetRequestHeader.fromExt(request.ext());
        long offset = offsets.queryOffset(h.consumerGroup(), h.topic(), h.queueId());
        if (offset < 0 && probe.startsAtZero(h.topic(), h.queueId())) {
            offset = 0;
        }
        if (offset < 0) {
            throw new ProtocolException(ResponseCode.QUERY_NOT_FOUND, NOT_FOUND);
        }
        return Replies.ok(request, new QueryConsumerOffsetResponseHeader(offset).toExt());
    }
}
