package org.relaymq.console.service;

import java.time.Duration;
import java.util.Optional;

/** The timers that decide when a fault shows, as far as the console knows them from the nodes. */
public interface NodeTimings {

    /** After how long of silence the NameServers drop {@code broker}, if known. */
    Optional<Duration> brokerExpiry(NodeStatus broker);

    /** How often {@code broker} registers with every NameServer, if known. */
    Optional<Duration> registerInterval(NodeStatus broker);

    /** Knows nothing: texts fall back to "the broker expiry". */
    static NodeTimings unknown() {
        return new NodeTimings() {
            @Override
            public Optional<Duration> brokerExpiry(NodeStatus broker) {
                return Optional.empty();
            }

            @Override
            public Optional<Duration> registerInterval(NodeStatus broker) {
                return Optional.empty();
            }
        };
    }
}
