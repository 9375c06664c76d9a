package org.relaymq.runtime.broker.messaging;

import org.relaymq.protocol.header.SendMessageRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** SEND_BATCH_MESSAGE (320): single-letter header, body of batch entries (protocol.md §5.5). */
public final class SendBatchMessageHandler implements RequestHandler {

    private final SendMessageService service;

    public SendBatchMessageHandler(SendMessageService service) {
        this.service = service;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return service.sendBatch(ctx, request, SendMessageRequestHeader.fromExtV2(request.ext()));
    }
}
