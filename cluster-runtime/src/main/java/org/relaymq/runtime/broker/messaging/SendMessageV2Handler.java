package org.relaymq.runtime.broker.messaging;

import org.relaymq.protocol.header.SendMessageRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** SEND_MESSAGE_V2 (310): the single-letter send header of current clients. */
public final class SendMessageV2Handler implements RequestHandler {

    private final SendMessageService service;

    public SendMessageV2Handler(SendMessageService service) {
        this.service = service;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return service.send(ctx, request, SendMessageRequestHeader.fromExtV2(request.ext()));
    }
}
