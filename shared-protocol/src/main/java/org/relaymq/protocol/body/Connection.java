package org.relaymq.protocol.body;

import org.relaymq.protocol.wire.LanguageCode;

/** One client connection of a group (ConsumerConnection / ProducerConnection bodies). */
public record Connection(String clientAddr, String clientId, LanguageCode language, int version) {

    public static Connection decode(byte[] body) {
        return ProtocolJson.decode(body, Connection.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
