package org.relaymq.runtime.broker.handler;

import java.util.List;
import java.util.Objects;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.body.GetConsumerListByGroupResponseBody;
import org.relaymq.protocol.header.GetConsumerListByGroupRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.client.ConsumerManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 38 GET_CONSUMER_LIST_BY_GROUP: the client ids of a group; code 1 when it has none. */
public final class GetConsumerListByGroupHandler implements RequestHandler {

    private final ConsumerManager consumers;

    public GetConsumerListByGroupHandler(ConsumerManager consumers) {
        this.consumers = Objects.requireNonNull(consumers, "consumers");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        String group = GetConsumerListByGroupRequestHeader.fromExt(request.ext()).consumerGroup();
        List<String> ids = consumers.clientIds(group);
        if (ids.isEmpty()) {
            throw ProtocolException.badRequest("no consumer for this group, " + group);
        }
        return Replies.ok(request, new GetConsumerListByGroupResponseBody(ids).encode());
    }
}
