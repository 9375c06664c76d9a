package org.relaymq.runtime.broker.handler;

import java.util.Locale;
import java.util.Objects;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicFilterType;
import org.relaymq.protocol.header.CreateTopicRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.topic.TopicConfigManager;
import org.relaymq.runtime.broker.topic.TopicNames;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * 17 UPDATE_AND_CREATE_TOPIC: creates or replaces a topic (refused on a slave, for invalid names and for
 * the cluster's own name); the topic listener then re-registers with the NameServers at once.
 */
public final class UpdateAndCreateTopicHandler implements RequestHandler {

    private final BrokerConfig config;
    private final TopicConfigManager topics;

    public UpdateAndCreateTopicHandler(BrokerConfig config, TopicConfigManager topics) {
        this.config = Objects.requireNonNull(config, "config");
        this.topics = Objects.requireNonNull(topics, "topics");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        Replies.refuseOnSlave(config);
        CreateTopicRequestHeader h = CreateTopicRequestHeader.fromExt(request.ext());
        TopicNames.validate(h.topic());
        if (h.topic().equals(config.brokerClusterName())) {
            throw ProtocolException.badRequest("the topic[" + h.topic() + "] is conflict with system reserved words.");
        }
        TopicConfig topic = new TopicConfig(h.topic(), h.readQueueNums(), h.writeQueueNums(), h.perm(),
                filterType(h.topicFilterType()), h.topicSysFlag() == null ? 0 : h.topicSysFlag(), h.order());
        topics.createOrUpdate(topic);
        return Replies.ok(request);
    }

    private static TopicFilterType filterType(String text) {
        try {
            return TopicFilterType.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProtocolException.badRequest("topicFilterType '" + text + "' is not SINGLE_TAG or MULTI_TAG");
        }
    }
}
