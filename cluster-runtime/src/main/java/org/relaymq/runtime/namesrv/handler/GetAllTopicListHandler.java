package org.relaymq.runtime.namesrv.handler;

import java.util.LinkedHashSet;
import org.relaymq.protocol.body.TopicList;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.RouteState;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** GET_ALL_TOPIC_LIST_FROM_NAMESERVER (206). */
public final class GetAllTopicListHandler implements RequestHandler {

    private final RouteState routes;

    public GetAllTopicListHandler(RouteState routes) {
        this.routes = routes;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        TopicList list = TopicList.of(new LinkedHashSet<>(routes.allTopics()));
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, list.encode());
    }
}
