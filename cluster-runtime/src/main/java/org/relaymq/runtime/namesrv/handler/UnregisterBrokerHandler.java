package org.relaymq.runtime.namesrv.handler;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.UnregisterBrokerRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.Moment;
import org.relaymq.runtime.namesrv.RouteState;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** UNREGISTER_BROKER (104): a broker's graceful goodbye; removed at once, reported as unregistered. */
public final class UnregisterBrokerHandler implements RequestHandler {

    private final RouteState routes;
    private final TimeSource time;

    public UnregisterBrokerHandler(RouteState routes, TimeSource time) {
        this.routes = routes;
        this.time = time;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        UnregisterBrokerRequestHeader h = UnregisterBrokerRequestHeader.fromExt(request.ext());
        routes.unregister(h.clusterName(), h.brokerAddr(), h.brokerName(), h.brokerId(), Moment.of(time));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
