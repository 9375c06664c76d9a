package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.relaymq.protocol.message.StoredMessage;

/**
 * The broker's durable message store: commit log, consume queues, index (protocol.md §5.1, §7, §8.2).
 * Thread-safe: puts may come from many threads (appends are serialized), reads run concurrently. Every
 * buffer it returns is a copy, valid however long it is kept: files are unmapped as soon as they are
 * deleted, never while a read is using them.
 * Puts are dispatched to the consume queues and the index before they return, so a {@link #get} right
 * after a successful put sees the message.
 */
public interface MessageStore extends AutoCloseable {

    /** Recovers from disk and starts the flush and cleanup services. Call once before anything else. */
    void start();

    /**
     * Appends one message. The caller fills topic, queueId, body, properties, flag, sysFlag, hosts, born
     * time and reconsumeTimes; the store assigns physical offset, queue offset and store timestamp and sets
     * the body CRC. With SYNC_FLUSH this blocks until the group commit forced the record (at most
     * {@code syncFlushTimeout}), so call it from a handler executor, never a Netty event loop.
     */
    PutMessageResult put(StoredMessage message);

    /**
     * Appends records of one topic/queue atomically in one segment with consecutive queue offsets
     * (SEND_BATCH_MESSAGE, already expanded by the broker). MESSAGE_ILLEGAL when they cannot fit one segment.
     */
    PutMessageResult putBatch(List<StoredMessage> messages);

    /**
     * Like {@link #put}, but returns once appended; the future completes when the put is acknowledged
     * (immediately for ASYNC_FLUSH, after the group commit or the timeout for SYNC_FLUSH). Whether a
     * SYNC_FLUSH put waits comes from the message's {@code WAIT} property (absent means true).
     */
    CompletableFuture<PutMessageResult> putAsync(StoredMessage message);

    /**
     * {@link #putAsync(StoredMessage)} with {@code WAIT} given by the caller, for a broker that removes it
     * from the stored properties (protocol.md §4.2 step 7). With SYNC_FLUSH and {@code waitStoreMsgOk}
     * false the future completes right after the append: the group commit still forces the record, but
     * the put does not wait for it (and never answers FLUSH_DISK_TIMEOUT).
     */
    CompletableFuture<PutMessageResult> putAsync(StoredMessage message, boolean waitStoreMsgOk);

    /** Asynchronous {@link #putBatch}; waits for SYNC_FLUSH unless every message has {@code WAIT=false}. */
    CompletableFuture<PutMessageResult> putBatchAsync(List<StoredMessage> messages);

    /** Asynchronous {@link #putBatch} with {@code WAIT} given by the caller, as {@link #putAsync(StoredMessage, boolean)}. */
    CompletableFuture<PutMessageResult> putBatchAsync(List<StoredMessage> messages, boolean waitStoreMsgOk);

    /**
     * Reads up to {@code maxMsgNums} records (at most {@code maxBytes}, except that the first record is
     * always taken) from {@code offset} of a queue, following §8.2 steps 4–5.
     *
     * @param group consumer group (for statistics only)
     * @throws IllegalStateException when the store is not running
     */
    GetMessageResult get(String group, String topic, int queueId, long offset, int maxMsgNums, int maxBytes,
                         MessageFilter filter);

    /** Max logical offset (next to be written) of a queue; 0 when unknown. */
    long maxOffsetInQueue(String topic, int queueId);

    /** Min logical offset of a queue; 0 when unknown. */
    long minOffsetInQueue(String topic, int queueId);

    /**
     * SEARCH_OFFSET_BY_TIMESTAMP (4.x): binary search by store time over the queue; an entry with an equal
     * store time, else the closer neighbour. 0 when the queue is unknown or empty.
     */
    long offsetByTime(String topic, int queueId, long timestamp);

    /** Store time of the queue's earliest available message, or -1. */
    long earliestMessageTime(String topic, int queueId);

    /** Store time of the message at a logical offset, or -1. */
    long messageStoreTime(String topic, int queueId, long queueOffset);

    /** The record at a commit-log offset (VIEW_MESSAGE_BY_ID, CONSUMER_SEND_MSG_BACK), with its body. */
    Optional<StoredMessage> lookMessageByOffset(long physicalOffset);

    /** A copy of the raw record at a commit-log offset (read-only). */
    Optional<ByteBuffer> selectRecord(long physicalOffset);

    /**
     * QUERY_MESSAGE: records of {@code topic} whose KEYS contain {@code key} or whose UNIQ_KEY equals it,
     * stored within [beginTimestamp, endTimestamp], newest first, at most {@code maxNum}.
     */
    QueryMessageResult queryMessage(String topic, String key, int maxNum, long beginTimestamp,
                                    long endTimestamp);

    /** Offset just after the last committed byte of the commit log (what a slave reports). */
    long commitLogMaxOffset();

    /** Start offset of the oldest commit-log segment. */
    long commitLogMinOffset();

    /** Topics with at least one consume queue. */
    Set<String> topics();

    /** Queue ids of a topic's consume queues (empty when unknown). */
    Set<Integer> queueIds(String topic);

    /** Deletes a topic's consume queues (its records stay in the commit log until retention). */
    void deleteTopic(String topic);

    /**
     * HA master: a copy of the raw commit-log bytes from {@code fromOffset}, at most {@code maxBytes}, never
     * crossing a segment end (so they may end inside a record or include a segment's end-of-file padding).
     * Empty when {@code fromOffset} equals the max offset.
     *
     * @throws IllegalArgumentException when {@code fromOffset} is outside [min, max] offset (also when its
     *                                  segment is deleted during the call)
     */
    ByteBuffer readCommitLog(long fromOffset, int maxBytes);

    /**
     * HA slave: appends raw bytes received from the master. Returns false (nothing written) unless
     * {@code startOffset} equals {@link #commitLogMaxOffset()}. Complete records are dispatched as for puts.
     */
    boolean appendRaw(long startOffset, byte[] data);

    /** Registers a listener called after each dispatched record. */
    void onArrival(ArrivalListener listener);

    /** Forces the commit log, consume queues and index and writes the checkpoint. */
    void flush();

    /**
     * Deletes commit-log segments whose last store time is older than {@code fileReservedTime} before
     * {@code nowMillis} (never the current segment), then trims consume queues and index accordingly.
     * Returns the number of commit-log segments deleted.
     */
    int deleteExpiredFiles(long nowMillis);

    /** Measures disk usage now (also refreshed every {@code cleanResourceInterval}). */
    DiskUsage diskUsage();

    StoreStats stats();

    MessageStoreConfig config();

    /** Flushes everything, writes the checkpoint, stops the services, closes the files. Idempotent. */
    @Override
    void close();
}
