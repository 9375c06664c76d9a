package org.relaymq.runtime.broker.messaging;

import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.DeleteTopicRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DELETE_TOPIC_IN_BROKER (215): forgets the topic's config, every group's offsets on it and its consume
 * queues (records stay in the commit log until retention), then triggers re-registration.
 */
public final class DeleteTopicInBrokerHandler implements RequestHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteTopicInBrokerHandler.class);

    private final MessagingContext ctx;

    public DeleteTopicInBrokerHandler(MessagingContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public RemotingCommand handle(RequestContext rc, RemotingCommand request) {
        DeleteTopicRequestHeader h = DeleteTopicRequestHeader.fromExt(request.ext());
        if (h.topic() == null || h.topic().isBlank()) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, "The specified topic is blank.");
        }
        boolean existed = ctx.topics().delete(h.topic());
        ctx.offsets().removeTopic(h.topic());
        ctx.store().deleteTopic(h.topic());
        LOG.info("topic {} deleted by {} (config existed: {})", h.topic(), rc.remoteAddress(), existed);
        ctx.topicsCreated().run();
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
