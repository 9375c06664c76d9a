package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.header.GetProducerConnectionListRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.client.ProducerManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 204 GET_PRODUCER_CONNECTION_LIST: a producer group's connections; code 1 when it has none. */
public final class GetProducerConnectionListHandler implements RequestHandler {

    private final ProducerManager producers;

    public GetProducerConnectionListHandler(ProducerManager producers) {
        this.producers = Objects.requireNonNull(producers, "producers");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        String group = GetProducerConnectionListRequestHeader.fromExt(request.ext()).producerGroup();
        return producers.producerConnection(group)
                .map(c -> Replies.ok(request, c.encode()))
                .orElseThrow(() -> ProtocolException.badRequest("the producer group[" + group + "] not exist"));
    }
}
