package org.relaymq.runtime.namesrv.handler;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.WipeWritePermOfBrokerRequestHeader;
import org.relaymq.protocol.header.WipeWritePermOfBrokerResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.RouteState;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** WIPE_WRITE_PERM_OF_BROKER (205): producers stop choosing the broker; consumers keep reading. */
public final class WipeWritePermHandler implements RequestHandler {

    private final RouteState routes;

    public WipeWritePermHandler(RouteState routes) {
        this.routes = routes;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        WipeWritePermOfBrokerRequestHeader h = WipeWritePermOfBrokerRequestHeader.fromExt(request.ext());
        int count = routes.wipeWritePerm(h.brokerName());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                new WipeWritePermOfBrokerResponseHeader(count).toExt(), null);
    }
}
