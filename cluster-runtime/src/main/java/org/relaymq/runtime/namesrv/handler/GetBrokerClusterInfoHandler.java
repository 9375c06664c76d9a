package org.relaymq.runtime.namesrv.handler;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.RouteState;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** GET_BROKER_CLUSTER_INFO (106): every cluster and broker group this NameServer knows. */
public final class GetBrokerClusterInfoHandler implements RequestHandler {

    private final RouteState routes;

    public GetBrokerClusterInfoHandler(RouteState routes) {
        this.routes = routes;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, routes.clusterInfo().encode());
    }
}
