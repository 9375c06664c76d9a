package org.relaymq.runtime.broker.store;

/** Outcome of a put; the broker maps it to a response code (§3.2). */
public enum PutMessageStatus {
    /** Appended (and, with SYNC_FLUSH, forced). */
    PUT_OK,
    /** Appended, but the group commit did not force it within {@code syncFlushTimeout}; the message stays stored. */
    FLUSH_DISK_TIMEOUT,
    /** Too large, empty topic, or a batch that does not fit one segment; nothing appended. */
    MESSAGE_ILLEGAL,
    /** Properties longer than 32767 UTF-8 bytes; nothing appended. */
    PROPERTIES_SIZE_EXCEEDED,
    /** Store not started, closed, or the disk is above {@code diskMaxUsedRatio}; see the reason. */
    SERVICE_NOT_AVAILABLE;

    /** True when the message is in the commit log (PUT_OK or FLUSH_DISK_TIMEOUT). */
    public boolean isStored() {
        return this == PUT_OK || this == FLUSH_DISK_TIMEOUT;
    }
}
