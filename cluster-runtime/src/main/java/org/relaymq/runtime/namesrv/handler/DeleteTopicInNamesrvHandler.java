package org.relaymq.runtime.namesrv.handler;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.DeleteTopicFromNamesrvRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.RouteState;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** DELETE_TOPIC_IN_NAMESRV (216): the topic's queues go, for one cluster when it is named. */
public final class DeleteTopicInNamesrvHandler implements RequestHandler {

    private final RouteState routes;

    public DeleteTopicInNamesrvHandler(RouteState routes) {
        this.routes = routes;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        DeleteTopicFromNamesrvRequestHeader h = DeleteTopicFromNamesrvRequestHeader.fromExt(request.ext());
        routes.deleteTopic(h.topic(), h.clusterName());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
