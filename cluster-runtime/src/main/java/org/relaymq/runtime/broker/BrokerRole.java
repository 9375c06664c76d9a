package org.relaymq.runtime.broker;

import java.util.Locale;

/** A 4.x broker's replication role (protocol.md §9.1, RocketMQ key {@code brokerRole}). */
public enum BrokerRole {
    /** Answers the producer after the local append; slaves catch up asynchronously (the default). */
    ASYNC_MASTER,
    /** Waits for a slave to acknowledge messages sent with {@code WAIT=true}. */
    SYNC_MASTER,
    /** Replicates a master, serves reads, refuses writes; its brokerId is above 0. */
    SLAVE;

    public boolean isMaster() {
        return this != SLAVE;
    }

    /** Parses a role name, case-insensitive; the message lists the valid names. */
    public static BrokerRole parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("brokerRole '" + text + "' is not one of ASYNC_MASTER, SYNC_MASTER, "
                    + "SLAVE", e);
        }
    }
}
