package org.relaymq.runtime.namesrv.handler;

import java.util.LinkedHashSet;
import org.relaymq.protocol.body.TopicList;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetTopicsByClusterRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.RouteState;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** GET_TOPICS_BY_CLUSTER (224). */
public final class GetTopicsByClusterHandler implements RequestHandler {

    private final RouteState routes;

    public GetTopicsByClusterHandler(RouteState routes) {
        this.routes = routes;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        GetTopicsByClusterRequestHeader h = GetTopicsByClusterRequestHeader.fromExt(request.ext());
        TopicList list = TopicList.of(new LinkedHashSet<>(routes.topicsByCluster(h.cluster())));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, list.encode());
    }
}
