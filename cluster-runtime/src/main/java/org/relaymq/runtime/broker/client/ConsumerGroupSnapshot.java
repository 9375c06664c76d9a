package org.relaymq.runtime.broker.client;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.ConsumeType;
import org.relaymq.protocol.body.ConsumerConnection;
import org.relaymq.protocol.body.Connection;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.SubscriptionData;

/** A consumer group as registered right now: its channels and its subscriptions by topic. Immutable. */
public record ConsumerGroupSnapshot(String group, List<ClientChannelInfo> channels,
                                    Map<String, SubscriptionData> subscriptions, ConsumeType consumeType,
                                    MessageModel messageModel, ConsumeFromWhere consumeFromWhere) {

    public ConsumerGroupSnapshot {
        channels = List.copyOf(channels);
        subscriptions = Map.copyOf(subscriptions);
    }

    public List<String> clientIds() {
        return channels.stream().map(ClientChannelInfo::clientId).distinct().toList();
    }

    /** GET_CONSUMER_CONNECTION_LIST body. */
    public ConsumerConnection toConsumerConnection() {
        Set<Connection> connections = new java.util.LinkedHashSet<>();
        channels.forEach(c -> connections.add(c.toConnection()));
        return new ConsumerConnection(connections, consumeFromWhere, consumeType, messageModel,
                new java.util.TreeMap<>(subscriptions));
    }
}
