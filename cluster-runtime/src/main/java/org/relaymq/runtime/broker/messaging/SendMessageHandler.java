package org.relaymq.runtime.broker.messaging;

import org.relaymq.protocol.header.SendMessageRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** SEND_MESSAGE (10): the long-name send header. */
public final class SendMessageHandler implements RequestHandler {

    private final SendMessageService service;

    public SendMessageHandler(SendMessageService service) {
        this.service = service;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return service.send(ctx, request, SendMessageRequestHeader.fromExt(request.ext()));
    }
}
