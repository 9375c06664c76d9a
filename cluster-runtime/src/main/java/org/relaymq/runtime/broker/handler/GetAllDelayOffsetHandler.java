package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.offset.DelayOffsetStore;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 45 GET_ALL_DELAY_OFFSET: the delay service's progress per level (slave sync). */
public final class GetAllDelayOffsetHandler implements RequestHandler {

    private final DelayOffsetStore delayOffsets;

    public GetAllDelayOffsetHandler(DelayOffsetStore delayOffsets) {
        this.delayOffsets = Objects.requireNonNull(delayOffsets, "delayOffsets");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return Replies.ok(request, delayOffsets.wrapper().encode());
    }
}
