package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.topic.TopicConfigManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 21 GET_ALL_TOPIC_CONFIG: the whole topic table with its data version (slave sync, admin). */
public final class GetAllTopicConfigHandler implements RequestHandler {

    private final TopicConfigManager topics;

    public GetAllTopicConfigHandler(TopicConfigManager topics) {
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return Replies.ok(request, topics.wrapper().encode());
    }
}
