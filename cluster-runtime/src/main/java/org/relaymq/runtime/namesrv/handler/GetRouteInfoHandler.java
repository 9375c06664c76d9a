package org.relaymq.runtime.namesrv.handler;

import java.util.Optional;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetRouteInfoRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.RouteServedAggregator;
import org.relaymq.runtime.namesrv.RouteState;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** GET_ROUTEINFO_BY_TOPIC (105): the topic's route, or 17 TOPIC_NOT_EXIST. */
public final class GetRouteInfoHandler implements RequestHandler {

    private final RouteState routes;
    private final RouteServedAggregator served;

    public GetRouteInfoHandler(RouteState routes, RouteServedAggregator served) {
        this.routes = routes;
        this.served = served;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        GetRouteInfoRequestHeader h = GetRouteInfoRequestHeader.fromExt(request.ext());
        Optional<TopicRouteData> route = routes.routeOf(h.topic());
        served.record(h.topic(), ctx.remoteAddress(), route.isPresent());
        if (route.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.TOPIC_NOT_EXIST,
                    "No topic route info in name server for the topic: " + h.topic());
        }
        boolean standard = TopicRouteData.standardJsonFor(request.version(), h.acceptStandardJsonOnly());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, route.get().encode(standard));
    }
}
