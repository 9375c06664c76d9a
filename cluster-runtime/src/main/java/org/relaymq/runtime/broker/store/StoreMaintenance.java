package org.relaymq.runtime.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.relaymq.runtime.common.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recovery at start, the flush that writes the checkpoint, and retention.
 *
 * <p>Recovery: (1) the commit log is validated from the segment holding the checkpoint's flushed offset
 * (everything when there is no checkpoint) and cut after the last good record; (2) the re-dispatch point is
 * the checkpoint's dispatched offset, or the commit-log start when there is no checkpoint or no consume
 * queue at all (directory deleted); (3) every consume queue drops tail entries that are invalid (torn) or
 * point at or past that point, which includes entries beyond the recovered commit log; (4) the records from
 * the re-dispatch point are dispatched again (index entries too; duplicates are filtered at query time);
 * (5) min offsets are moved above the commit-log start.
 */
final class StoreMaintenance {

    private static final Logger LOG = LoggerFactory.getLogger(StoreMaintenance.class);

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final Dispatcher dispatcher;
    private final TimeSource time;
    private final Set<Integer> deleteHours;
    private Checkpoint lastCheckpoint;

    StoreMaintenance(MessageStoreConfig config, CommitLog commitLog, ConsumeQueueTable queues, IndexService index,
                     Dispatcher dispatcher, TimeSource time) {
        this.config = config;
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.dispatcher = dispatcher;
        this.time = time;
        this.deleteHours = parseHours(config.deleteWhen());
    }

    private static Set<Integer> parseHours(String deleteWhen) {
        Set<Integer> hours = new HashSet<>();
        for (String h : deleteWhen.split(";")) {
            if (!h.isBlank()) {
                hours.add(Integer.parseInt(h.trim()));
            }
        }
        return hours;
    }

    void recover() throws IOException {
        Optional<Checkpoint> checkpoint = Checkpoint.read(config.checkpointFile());
        commitLog.load();
        long safe = checkpoint.map(Checkpoint::flushedCommitLogOffset).orElse(0L);
        long max = new CommitLogRecovery(commitLog).recover(safe);
        long min = commitLog.minOffset();
        queues.load();
        index.load();
        long redispatchFrom = checkpoint.isEmpty() || queues.isEmpty() ? min
                : Math.max(min, Math.min(checkpoint.get().dispatchedOffset(), max));
        queues.truncateFromPhysical(redispatchFrom);
        index.resumeFrom(redispatchFrom);
        dispatcher.resetTo(redispatchFrom);
        int redispatched = dispatcher.dispatchAvailable().size();
        queues.trimBelow(min);
        LOG.info("store recovered: commit log [{}, {}), {} records re-dispatched from {}, {} consume queues",
                min, max, redispatched, redispatchFrom, queues.all().size());
        flushAll();
    }

    /** Flushes commit log, consume queues and index, then records the checkpoint. */
    synchronized void flushAll() {
        long dispatched = dispatcher.dispatchedOffset();
        long flushed = commitLog.flush();
        queues.flush();
        index.flush();
        Checkpoint c = new Checkpoint(flushed, Math.min(dispatched, flushed), time.wallMillis());
        if (lastCheckpoint != null && lastCheckpoint.flushedCommitLogOffset() == c.flushedCommitLogOffset()
                && lastCheckpoint.dispatchedOffset() == c.dispatchedOffset()) {
            return;
        }
        try {
            c.write(config.checkpointFile());
            lastCheckpoint = c;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + config.checkpointFile(), e);
        }
    }

    boolean isDeleteHour(long nowMillis) {
        return deleteHours.contains(Instant.ofEpochMilli(nowMillis).atZone(ZoneId.systemDefault()).getHour());
    }

    /** Retention: see {@link MessageStore#deleteExpiredFiles(long)}. */
    synchronized int deleteExpiredFiles(long nowMillis) {
        long reserved = config.fileReservedTime().toMillis();
        int deleted = 0;
        for (Segment seg : commitLog.segments().snapshot()) {
            if (CommitLog.lastWriteTime(seg) + reserved > nowMillis || !commitLog.deleteFirstIfNotLast(seg)) {
                break;
            }
            LOG.info("deleted expired commit-log segment {}", seg.file().path());
            deleted++;
        }
        if (deleted > 0) {
            long min = commitLog.minOffset();
            queues.trimBelow(min);
            index.deleteBelow(min);
        }
        return deleted;
    }
}
