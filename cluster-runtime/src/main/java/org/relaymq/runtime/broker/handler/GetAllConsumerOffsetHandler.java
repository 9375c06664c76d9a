package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.offset.ConsumerOffsetManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 43 GET_ALL_CONSUMER_OFFSET: every committed offset (slave sync). */
public final class GetAllConsumerOffsetHandler implements RequestHandler {

    private final ConsumerOffsetManager offsets;

    public GetAllConsumerOffsetHandler(ConsumerOffsetManager offsets) {
        this.offsets = Objects.requireNonNull(offsets, "offsets");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return Replies.ok(request, offsets.wrapper().encode());
    }
}
