package org.relaymq.runtime.broker;

import java.util.Objects;
import org.relaymq.runtime.broker.messaging.MessagingConfig;
import org.relaymq.runtime.broker.store.MessageStoreConfig;

/**
 * Everything one broker process needs: the broker's own settings (broker.conf keys), its message
 * store's, and the messaging tunables (long polling, pull caps, slave reads).
 *
 * @param bindHost address to listen on ("0.0.0.0" for all); the broker advertises {@code brokerIP1}
 */
public record BrokerNodeConfig(BrokerConfig broker, MessageStoreConfig store, MessagingConfig messaging,
                               String bindHost) {

    public BrokerNodeConfig {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(messaging, "messaging");
        Objects.requireNonNull(bindHost, "bindHost");
        if (broker.listenPort() < 2) {
            throw new IllegalArgumentException("listenPort must be a real port >= 2 (the broker also serves "
                    + "listenPort - 2 and HA on listenPort + 1), not " + broker.listenPort());
        }
    }
}
