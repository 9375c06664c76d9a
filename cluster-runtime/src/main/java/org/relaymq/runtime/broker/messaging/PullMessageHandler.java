package org.relaymq.runtime.broker.messaging;

import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** PULL_MESSAGE (11); a pull that finds nothing may be held (answered later through the context). */
public final class PullMessageHandler implements RequestHandler {

    private final PullMessageService service;

    public PullMessageHandler(PullMessageService service) {
        this.service = service;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return service.execute(ctx, request, true);
    }
}
