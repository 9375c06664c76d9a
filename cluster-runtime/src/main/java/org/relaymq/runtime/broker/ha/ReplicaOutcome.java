package org.relaymq.runtime.broker.ha;

import org.relaymq.protocol.code.ResponseCode;

/** What replication adds to a send's answer (protocol.md §9.1, §3.2). */
public enum ReplicaOutcome {
    /** Not a SYNC_MASTER, the producer did not ask to wait, or the message was not stored: answer as the store says. */
    NOT_REQUIRED,
    /** A slave acknowledged the message within {@code slaveTimeout}. */
    ACKNOWLEDGED,
    /** SYNC_MASTER without a healthy slave: 11 (the message stays stored on the master). */
    SLAVE_NOT_AVAILABLE,
    /** SYNC_MASTER, no slave ack within {@code slaveTimeout}: 12 (the message stays stored on the master). */
    FLUSH_SLAVE_TIMEOUT;

    /**
     * The response code of the send, given the code the store result alone maps to (0, or 10 FLUSH_DISK_TIMEOUT).
     * As in 4.x, a replication failure overrides a flush timeout.
     */
    public int responseCode(int storeResponseCode) {
        return switch (this) {
            case NOT_REQUIRED, ACKNOWLEDGED -> storeResponseCode;
            case SLAVE_NOT_AVAILABLE -> ResponseCode.SLAVE_NOT_AVAILABLE;
            case FLUSH_SLAVE_TIMEOUT -> ResponseCode.FLUSH_SLAVE_TIMEOUT;
        };
    }

    /** Remark for the response when replication changed the code, else null. */
    public String remark() {
        return switch (this) {
            case SLAVE_NOT_AVAILABLE -> "no healthy slave: the message is stored on the master only";
            case FLUSH_SLAVE_TIMEOUT -> "no slave acknowledged the message in time: it is stored on the master";
            default -> null;
        };
    }
}
