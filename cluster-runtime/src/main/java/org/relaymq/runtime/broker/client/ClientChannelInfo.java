package org.relaymq.runtime.broker.client;

import java.util.Objects;
import org.relaymq.protocol.body.Connection;
import org.relaymq.protocol.wire.LanguageCode;

/**
 * One client connection in a group: who it is (client id, language, version from the HEART_BEAT
 * command) and when it last refreshed (monotonic millis).
 */
public record ClientChannelInfo(ClientChannel channel, String clientId, LanguageCode language, int version,
                                long lastUpdateMillis) {

    public ClientChannelInfo {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(clientId, "clientId");
        language = language == null ? LanguageCode.JAVA : language;
    }

    public String channelId() {
        return channel.id();
    }

    public String address() {
        return channel.remoteAddress();
    }

    /** The entry of a GET_CONSUMER/PRODUCER_CONNECTION_LIST body. */
    public Connection toConnection() {
        return new Connection(channel.remoteAddress(), clientId, language, version);
    }

    /** Same client on the same channel, possibly refreshed: everything but the time matches. */
    boolean sameClient(ClientChannelInfo other) {
        return other != null && other.channelId().equals(channelId()) && other.clientId.equals(clientId);
    }
}
