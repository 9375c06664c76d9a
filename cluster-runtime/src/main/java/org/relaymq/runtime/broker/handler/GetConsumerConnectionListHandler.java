package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetConsumerConnectionListRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.client.ConsumerManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 203 GET_CONSUMER_CONNECTION_LIST: a group's connections and subscriptions; 206 when it is not online. */
public final class GetConsumerConnectionListHandler implements RequestHandler {

    private final ConsumerManager consumers;

    public GetConsumerConnectionListHandler(ConsumerManager consumers) {
        this.consumers = Objects.requireNonNull(consumers, "consumers");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        String group = GetConsumerConnectionListRequestHeader.fromExt(request.ext()).consumerGroup();
        return consumers.group(group)
                .map(g -> Replies.ok(request, g.toConsumerConnection().encode()))
                .orElseThrow(() -> new ProtocolException(ResponseCode.CONSUMER_NOT_ONLINE,
                        "the consumer group[" + group + "] not online"));
    }
}
