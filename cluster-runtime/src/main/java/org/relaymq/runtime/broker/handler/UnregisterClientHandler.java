package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.header.UnregisterClientRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.client.ConsumerManager;
import org.relaymq.runtime.broker.client.ProducerManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 35 UNREGISTER_CLIENT: removes this connection from the named producer and/or consumer group. */
public final class UnregisterClientHandler implements RequestHandler {

    private final ConsumerManager consumers;
    private final ProducerManager producers;

    public UnregisterClientHandler(ConsumerManager consumers, ProducerManager producers) {
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.producers = Objects.requireNonNull(producers, "producers");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        UnregisterClientRequestHeader header = UnregisterClientRequestHeader.fromExt(request.ext());
        if (header.producerGroup() != null && !header.producerGroup().isEmpty()) {
            producers.unregister(header.producerGroup(), ctx.channelId());
        }
        if (header.consumerGroup() != null && !header.consumerGroup().isEmpty()) {
            consumers.unregister(header.consumerGroup(), ctx.channelId());
        }
        return Replies.ok(request);
    }
}
