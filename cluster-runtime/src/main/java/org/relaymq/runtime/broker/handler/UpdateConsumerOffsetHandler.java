package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.offset.ConsumerOffsetManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 15 UPDATE_CONSUMER_OFFSET (usually oneway): stores a group's offset of one queue. Slaves accept it too. */
public final class UpdateConsumerOffsetHandler implements RequestHandler {

    private final ConsumerOffsetManager offsets;

    public UpdateConsumerOffsetHandler(ConsumerOffsetManager offsets) {
        this.offsets = Objects.requireNonNull(offsets, "offsets");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        UpdateConsumerOffsetRequestHeader h = UpdateConsumerOffsetRequestHeader.fromExt(request.ext());
        offsets.commitOffset(h.consumerGroup(), h.topic(), h.queueId(), h.commitOffset());
        return Replies.ok(request);
    }
}
