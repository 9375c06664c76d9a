package org.relaymq.runtime.broker.registration;

import java.util.Objects;
import org.relaymq.runtime.broker.BrokerConfig;

/** Who the broker says it is to the NameServers; known once its ports are bound. */
public record BrokerIdentity(String clusterName, String brokerName, long brokerId, String brokerAddr,
                             String haServerAddr) {

    public BrokerIdentity {
        Objects.requireNonNull(clusterName, "clusterName");
        Objects.requireNonNull(brokerName, "brokerName");
        Objects.requireNonNull(brokerAddr, "brokerAddr");
        Objects.requireNonNull(haServerAddr, "haServerAddr");
    }

    /** From the config and the ports actually bound (listen port, HA port). */
    public static BrokerIdentity of(BrokerConfig config, int boundPort, int haPort) {
        return new BrokerIdentity(config.brokerClusterName(), config.brokerName(), config.brokerId(),
                config.brokerAddr(boundPort), config.haServerAddr(haPort));
    }
}
