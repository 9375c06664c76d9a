package org.relaymq.protocol.body;

import java.util.Set;

/** GET_PRODUCER_CONNECTION_LIST (204) body. */
public record ProducerConnection(Set<Connection> connectionSet) {

    public ProducerConnection {
        connectionSet = Copies.set(connectionSet);
    }

    public static ProducerConnection decode(byte[] body) {
        return ProtocolJson.decode(body, ProducerConnection.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
