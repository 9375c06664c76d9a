package org.relaymq.runtime.namesrv;

import java.util.List;

/**
 * One broker address removed from the tables. {@code live} is null when no live entry existed
 * (e.g. an unregister after expiry). {@code groupRemoved}: its broker name had no address left, so
 * the name and its queues left every route; {@code topicsRemoved}: topics that vanished with it.
 */
public record RemovedBroker(RemovalReason reason, String cluster, String brokerName, String brokerAddr,
                            long brokerId, BrokerLiveInfo live, long idleMillis, boolean groupRemoved,
                            List<String> topicsRemoved) {

    public RemovedBroker {
        topicsRemoved = topicsRemoved == null ? List.of() : List.copyOf(topicsRemoved);
    }
}
