package org.relaymq.runtime.namesrv.handler;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.AddWritePermOfBrokerRequestHeader;
import org.relaymq.protocol.header.AddWritePermOfBrokerResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.RouteState;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** ADD_WRITE_PERM_OF_BROKER (327): the broker's queues become read + write again. */
public final class AddWritePermHandler implements RequestHandler {

    private final RouteState routes;

    public AddWritePermHandler(RouteState routes) {
        this.routes = routes;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        AddWritePermOfBrokerRequestHeader h = AddWritePermOfBrokerRequestHeader.fromExt(request.ext());
        int count = routes.addWritePerm(h.brokerName());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                new AddWritePermOfBrokerResponseHeader(count).toExt(), null);
    }
}
