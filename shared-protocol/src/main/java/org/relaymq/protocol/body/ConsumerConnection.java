package org.relaymq.protocol.body;

import java.util.Map;
import java.util.Set;

/** GET_CONSUMER_CONNECTION_LIST (203) body: a group's connections and subscriptions. */
public record ConsumerConnection(Set<Connection> connectionSet, ConsumeFromWhere consumeFromWhere,
                                 ConsumeType consumeType,
                                 MessageModel messageModel, Map<String, SubscriptionData> subscriptionTable) {

    public ConsumerConnection {
        connectionSet = Copies.set(connectionSet);
        subscriptionTable = Copies.map(subscriptionTable);
    }

    public static ConsumerConnection decode(byte[] body) {
        return ProtocolJson.decode(body, ConsumerConnection.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
