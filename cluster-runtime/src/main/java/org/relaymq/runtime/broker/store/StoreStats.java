package org.relaymq.runtime.broker.store;

/** A snapshot of store counters for STORE_STATS events. Counters are since start. */
public record StoreStats(long putMessages, long putBytes, long putFailures, long getRequests,
                         long getMessagesFound, long getBytesFound, long commitLogMinOffset,
                         long commitLogMaxOffset, long flushedOffset, long dispatchedOffset, int topicCount,
                         int consumeQueueCount, DiskUsage diskUsage) {
}
