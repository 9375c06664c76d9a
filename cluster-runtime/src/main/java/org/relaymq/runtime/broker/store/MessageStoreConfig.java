package org.relaymq.runtime.broker.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Configuration of one {@link MessageStore}. Immutable; {@link #defaults(Path)} gives the production values,
 * tests shrink the sizes with the {@code with*} methods.
 *
 * @param storePathRootDir          root directory; the store uses {@code commitlog/}, {@code consumequeue/},
 *                                  {@code index/} and the {@code checkpoint} file below it
 * @param commitLogSegmentSize      bytes per commit-log segment; default 1 GiB (1073741824) as in RocketMQ.
 *                                  A master and its slaves must use the same size
 * @param consumeQueueEntriesPerFile 20-byte entries per ConsumeQueue file; default 300000 (6000000 bytes)
 * @param flushDiskType             {@link FlushDiskType#ASYNC_FLUSH} by default
 * @param flushIntervalCommitLog    period of the flush service; default 500 ms. It also flushes consume
 *                                  queues and index and writes the checkpoint
 * @param syncFlushTimeout          how long a SYNC_FLUSH put waits for the group commit; default 5 s, after
 *                                  which it answers FLUSH_DISK_TIMEOUT (the message stays stored)
 * @param fileReservedTime          commit-log segments whose last store time is older are deleted; default 72 h
 * @param deleteWhen                hours of day ("04" or "04;16") in which the periodic cleanup deletes
 *                                  expired files; default "04". It also deletes when disk usage is above
 *                                  {@code diskCleanRatio}
 * @param cleanResourceInterval     period of the cleanup task (retention check and disk-usage refresh); default 10 s
 * @param diskMaxUsedRatio          above this filesystem usage puts are refused (SERVICE_NOT_AVAILABLE); default 0.90
 * @param diskCleanRatio            above this usage expired files are deleted at any hour; default 0.75
 * @param maxMessageSize            largest encoded record accepted; default 4 MiB (4194304)
 * @param indexMaxHashSlots         hash slots per index file; default 500000 (RocketMQ: 5000000)
 * @param indexMaxIndexNum          entries per index file; default 2000000 (RocketMQ: 20000000), so an index
 *                                  file is 40 + 500000*4 + 2000000*20 = 42000040 bytes
 * @param memoryMapped              true (default): files are memory-mapped; false: plain FileChannel I/O
 */
public record MessageStoreConfig(Path storePathRootDir, int commitLogSegmentSize, int consumeQueueEntriesPerFile,
                                 FlushDiskType flushDiskType, Duration flushIntervalCommitLog,
                                 Duration syncFlushTimeout, Duration fileReservedTime, String deleteWhen,
                                 Duration cleanResourceInterval, double diskMaxUsedRatio, double diskCleanRatio,
                                 int maxMessageSize, int indexMaxHashSlots, int indexMaxIndexNum,
                                 boolean memoryMapped) {

    public static final int DEFAULT_COMMIT_LOG_SEGMENT_SIZE = 1024 * 1024 * 1024;
    public static final int DEFAULT_CQ_ENTRIES_PER_FILE = 300_000;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 4 * 1024 * 1024;
    public static final int DEFAULT_INDEX_MAX_HASH_SLOTS = 500_000;
    public static final int DEFAULT_INDEX_MAX_INDEX_NUM = 2_000_000;
    /** Smallest segment size accepted (tests use a few KiB). */
    public static final int MIN_SEGMENT_SIZE = 1024;

    public MessageStoreConfig {
        Objects.requireNonNull(storePathRootDir, "storePathRootDir");
        Objects.requireNonNull(flushDiskType, "flushDiskType");
        Objects.requireNonNull(flushIntervalCommitLog, "flushIntervalCommitLog");
        Objects.requireNonNull(syncFlushTimeout, "syncFlushTimeout");
        Objects.requireNonNull(fileReservedTime, "fileReservedTime");
        Objects.requireNonNull(cleanResourceInterval, "cleanResourceInterval");
        deleteWhen = deleteWhen == null ? "" : deleteWhen;
        requireAtLeast(commitLogSegmentSize, MIN_SEGMENT_SIZE, "commitLogSegmentSize");
        requireAtLeast(consumeQueueEntriesPerFile, 1, "consumeQueueEntriesPerFile");
        requireAtLeast(maxMessageSize, 1, "maxMessageSize");
        requireAtLeast(indexMaxHashSlots, 1, "indexMaxHashSlots");
        requireAtLeast(indexMaxIndexNum, 2, "indexMaxIndexNum");
        requirePositive(flushIntervalCommitLog, "flushIntervalCommitLog");
        requirePositive(cleanResourceInterval, "cleanResourceInterval");
        if (!(diskMaxUsedRatio > 0 && diskMaxUsedRatio <= 1) || !(diskCleanRatio > 0 && diskCleanRatio <= 1)) {
            throw new IllegalArgumentException("disk ratios must be in (0, 1]: " + diskMaxUsedRatio + ", "
                    + diskCleanRatio);
        }
        long indexBytes = IndexLayout.fileSize(indexMaxHashSlots, indexMaxIndexNum);
        if (indexBytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("index file of " + indexBytes + " bytes exceeds 2 GiB");
        }
    }

    /** Production defaults below {@code root}. */
    public static MessageStoreConfig defaults(Path root) {
        return new MessageStoreConfig(root, DEFAULT_COMMIT_LOG_SEGMENT_SIZE, DEFAULT_CQ_ENTRIES_PER_FILE,
                FlushDiskType.ASYNC_FLUSH, Duration.ofMillis(500), Duration.ofSeconds(5), Duration.ofHours(72),
                "04", Duration.ofSeconds(10), 0.90, 0.75, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_INDEX_MAX_HASH_SLOTS,
                DEFAULT_INDEX_MAX_INDEX_NUM, true);
    }

    public Path commitLogDir() {
        return storePathRootDir.resolve("commitlog");
    }

    public Path consumeQueueDir() {
        return storePathRootDir.resolve("consumequeue");
    }

    public Path indexDir() {
        return storePathRootDir.resolve("index");
    }

    public Path checkpointFile() {
        return storePathRootDir.resolve("checkpoint");
    }

    /** The start offset of the commit-log segment holding {@code physicalOffset} (HA: "start of last file"). */
    public long segmentStartOf(long physicalOffset) {
        return physicalOffset - physicalOffset % commitLogSegmentSize;
    }

    public MessageStoreConfig withSegmentSizes(int commitLogBytes, int cqEntriesPerFile) {
        return new MessageStoreConfig(storePathRootDir, commitLogBytes, cqEntriesPerFile, flushDiskType,
                flushIntervalCommitLog, syncFlushTimeout, fileReservedTime, deleteWhen, cleanResourceInterval,
                diskMaxUsedRatio, diskCleanRatio, maxMessageSize, indexMaxHashSlots, indexMaxIndexNum, memoryMapped);
    }

    public MessageStoreConfig withIndexSize(int hashSlots, int indexNum) {
        return new MessageStoreConfig(storePathRootDir, commitLogSegmentSize, consumeQueueEntriesPerFile,
                flushDiskType, flushIntervalCommitLog, syncFlushTimeout, fileReservedTime, deleteWhen,
                cleanResourceInterval, diskMaxUsedRatio, diskCleanRatio, maxMessageSize, hashSlots, indexNum,
                memoryMapped);
    }

    public MessageStoreConfig withFlush(FlushDiskType type, Duration interval, Duration syncTimeout) {
        return new MessageStoreConfig(storePathRootDir, commitLogSegmentSize, consumeQueueEntriesPerFile, type,
                interval, syncTimeout, fileReservedTime, deleteWhen, cleanResourceInterval, diskMaxUsedRatio,
                diskCleanRatio, maxMessageSize, indexMaxHashSlots, indexMaxIndexNum, memoryMapped);
    }

    public MessageStoreConfig withRetention(Duration reservedTime, String hours) {
        return new MessageStoreConfig(storePathRootDir, commitLogSegmentSize, consumeQueueEntriesPerFile,
                flushDiskType, flushIntervalCommitLog, syncFlushTimeout, reservedTime, hours, cleanResourceInterval,
                diskMaxUsedRatio, diskCleanRatio, maxMessageSize, indexMaxHashSlots, indexMaxIndexNum, memoryMapped);
    }

    public MessageStoreConfig withMaxMessageSize(int bytes) {
        return new MessageStoreConfig(storePathRootDir, commitLogSegmentSize, consumeQueueEntriesPerFile,
                flushDiskType, flushIntervalCommitLog, syncFlushTimeout, fileReservedTime, deleteWhen,
                cleanResourceInterval, diskMaxUsedRatio, diskCleanRatio, bytes, indexMaxHashSlots, indexMaxIndexNum,
                memoryMapped);
    }

    public MessageStoreConfig withDiskMaxUsedRatio(double ratio) {
        return new MessageStoreConfig(storePathRootDir, commitLogSegmentSize, consumeQueueEntriesPerFile,
                flushDiskType, flushIntervalCommitLog, syncFlushTimeout, fileReservedTime, deleteWhen,
                cleanResourceInterval, ratio, diskCleanRatio, maxMessageSize, indexMaxHashSlots, indexMaxIndexNum,
                memoryMapped);
    }

    public MessageStoreConfig withMemoryMapped(boolean mapped) {
        return new MessageStoreConfig(storePathRootDir, commitLogSegmentSize, consumeQueueEntriesPerFile,
                flushDiskType, flushIntervalCommitLog, syncFlushTimeout, fileReservedTime, deleteWhen,
                cleanResourceInterval, diskMaxUsedRatio, diskCleanRatio, maxMessageSize, indexMaxHashSlots,
                indexMaxIndexNum, mapped);
    }

    private static void requireAtLeast(long value, long min, String name) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
        }
    }

    private static void requirePositive(Duration d, String name) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
