package org.relaymq.runtime.broker.store;

/** When a put is acknowledged relative to the disk (protocol.md §9.1 {@code flushDiskType}). */
public enum FlushDiskType {
    /** Acknowledge after the append; a flush service forces the commit log every {@code flushIntervalCommitLog}. */
    ASYNC_FLUSH,
    /** Acknowledge after a group-commit flusher has forced the record (messages with {@code WAIT=false} do not wait). */
    SYNC_FLUSH
}
