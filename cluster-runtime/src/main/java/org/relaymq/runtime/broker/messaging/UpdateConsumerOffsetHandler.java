package org.relaymq.runtime.broker.messaging;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.offset.ConsumerOffsetManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** UPDATE_CONSUMER_OFFSET (15, usually oneway): stores the group's offset of one queue. */
public final class UpdateConsumerOffsetHandler implements RequestHandler {

    private final ConsumerOffsetManager offsets;

    public UpdateConsumerOffsetHandler(ConsumerOffsetManager offsets) {
        this.offsets = offsets;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        UpdateConsumerOffsetRequestHeader h = UpdateConsumerOffsetRequestHeader.fromExt(request.ext());
        offsets.commitOffset(h.consumerGroup(), h.topic(), h.queueId(), h.commitOffset());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
