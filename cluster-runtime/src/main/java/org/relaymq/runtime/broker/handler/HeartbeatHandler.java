package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import java.util.Optional;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.body.ConsumerData;
import org.relaymq.protocol.body.HeartbeatData;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.ProducerData;
import org.relaymq.protocol.body.SubscriptionGroupConfig;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.client.ClientChannelInfo;
import org.relaymq.runtime.broker.client.ConsumerManager;
import org.relaymq.runtime.broker.client.ProducerManager;
import org.relaymq.runtime.broker.subscription.SubscriptionGroupManager;
import org.relaymq.runtime.broker.topic.TopicConfigManager;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * 34 HEART_BEAT: registers the client's consumer and producer groups on this connection. A clustering
 * consumer group gets its subscription group (auto-created) and its {@code %RETRY%<group>} topic;
 * creating that topic makes the broker re-register with the NameServers at once (topic listener).
 * Answers 0 with the broker's version in the command. A connection that closed while its heartbeat was
 * being served is removed again at once (its close event may have been handled before the registration).
 */
public final class HeartbeatHandler implements RequestHandler {

    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final ConsumerManager consumers;
    private final ProducerManager producers;
    private final ClientChannelFactory channels;
    private final TimeSource time;

    public HeartbeatHandler(TopicConfigManager topics, SubscriptionGroupManager groups, ConsumerManager consumers,
                            ProducerManager producers, ClientChannelFactory channels, TimeSource time) {
        this.topics = Objects.requireNonNull(topics, "topics");
        this.groups = Objects.requireNonNull(groups, "groups");
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.producers = Objects.requireNonNull(producers, "producers");
        this.channels = Objects.requireNonNull(channels, "channels");
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        HeartbeatData data = HeartbeatData.decode(request.body());
        if (data.clientID() == null || data.clientID().isBlank()) {
            throw ProtocolException.badRequest("heartbeat without clientID");
        }
        ClientChannelInfo info = new ClientChannelInfo(channels.of(ctx), data.clientID(), request.language(),
                request.version(), time.monotonicMillis());
        for (ConsumerData consumer : data.consumerDataSet()) {
            registerConsumer(consumer, info);
        }
        for (ProducerData producer : data.producerDataSet()) {
            if (producer.groupName() != null && !producer.groupName().isBlank()) {
                producers.register(producer.groupName(), info);
            }
        }
        if (!info.channel().isActive()) {
            consumers.channelClosed(info.channelId());
            producers.channelClosed(info.channelId());
        }
        return Replies.ok(request);
    }

    private void registerConsumer(ConsumerData consumer, ClientChannelInfo info) {
        String group = consumer.groupName();
        if (group == null || group.isBlank()) {
            throw ProtocolException.badRequest("heartbeat consumer data without groupName");
        }
        Optional<SubscriptionGroupConfig> config = groups.findOrAutoCreate(group);
        if (config.isPresent() && consumer.messageModel() != MessageModel.BROADCASTING) {
            topics.ensureRetryTopic(group, Math.max(1, config.get().retryQueueNums()));
        }
        consumers.register(group, info, consumer.consumeType(), consumer.messageModel(),
                consumer.consumeFromWhere(), consumer.subscriptionDataSet());
    }
}
