package org.relaymq.runtime.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import org.relaymq.protocol.message.DelayLevels;
import org.relaymq.protocol.message.MalformedMessageException;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.runtime.broker.store.file.SegmentClosedException;
import org.relaymq.runtime.broker.store.file.SegmentFileFactory;
import org.relaymq.runtime.common.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message store: a commit log, consume queues and index files below one root directory. Appends are
 * serialized by one lock and dispatched synchronously; reads are lock-free. Threads: a group-commit thread
 * with SYNC_FLUSH; the periodic flush and cleanup run on the injected scheduler.
 */
public final class DefaultMessageStore implements MessageStore {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultMessageStore.class);

    private enum State { NEW, RUNNING, CLOSED }

    private final MessageStoreConfig config;
    private final StoreEnvironment env;
    private final DelayLevels delayLevels;
    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final Dispatcher dispatcher;
    private final Appender appender;
    private final QueueReader reader;
    private final StoreMaintenance maintenance;
    private final StoreCounters counters = new StoreCounters();
    private final ReentrantLock putLock = new ReentrantLock();
    private final List<ArrivalListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Scheduler.Cancellable> timers = new ArrayList<>();
    private GroupCommitService groupCommit;
    private volatile State state = State.NEW;
    private volatile DiskUsage lastDiskUsage;

    /** A store whose SCHEDULE_TOPIC_XXXX entries follow the default delay levels. */
    public DefaultMessageStore(MessageStoreConfig config, StoreEnvironment env) {
        this(config, env, DelayLevels.defaults());
    }

    /**
     * @param delayLevels the broker's {@code messageDelayLevel}: a SCHEDULE_TOPIC_XXXX ConsumeQueue entry
     *                    carries store time + the delay of its level as tagsCode (protocol.md §6.3), which
     *                    must match the levels the delivery uses
     */
    public DefaultMessageStore(MessageStoreConfig config, StoreEnvironment env, DelayLevels delayLevels) {
        this.config = config;
        this.env = env;
        this.delayLevels = Objects.requireNonNull(delayLevels, "delayLevels");
        SegmentFileFactory files = env.filesFor(config);
        this.commitLog = new CommitLog(config, files);
        this.queues = new ConsumeQueueTable(config, files);
        this.index = new IndexService(config, files, env.time());
        this.dispatcher = new Dispatcher(commitLog, queues, index, delayLevels);
        this.appender = new Appender(config, commitLog, queues, dispatcher, env.time());
        this.reader = new QueueReader(commitLog, queues);
        this.maintenance = new StoreMaintenance(config, commitLog, queues, index, dispatcher, env.time());
        this.lastDiskUsage = new DiskUsage(config.storePathRootDir(), -1, config.diskMaxUsedRatio());
    }

    @Override
    public void start() {
        putLock.lock();
        try {
            if (state != State.NEW) {
                throw new IllegalStateException("store already started: " + state);
            }
            LOG.info("starting message store {}, {}", config, delayLevels);
            Files.createDirectories(config.storePathRootDir());
            maintenance.recover();
            diskUsage();
            startServices();
            state = State.RUNNING;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open message store at " + config.storePathRootDir(), e);
        } finally {
            putLock.unlock();
        }
    }

    private void startServices() {
        if (config.flushDiskType() == FlushDiskType.SYNC_FLUSH) {
            groupCommit = new GroupCommitService(commitLog, env.scheduler(), config.syncFlushTimeout(),
                    "store-group-commit");
            groupCommit.start();
        }
        timers.add(env.scheduler().scheduleWithFixedDelay(this::periodicFlush, config.flushIntervalCommitLog(),
                config.flushIntervalCommitLog()));
        timers.add(env.scheduler().scheduleWithFixedDelay(this::periodicCleanup, config.cleanResourceInterval(),
                config.cleanResourceInterval()));
    }

    private void periodicFlush() {
        if (state == State.RUNNING) {
            maintenance.flushAll();
        }
    }

    private void periodicCleanup() {
        if (state != State.RUNNING) {
            return;
        }
        DiskUsage usage = diskUsage();
        long now = env.time().wallMillis();
        if (maintenance.isDeleteHour(now) || usage.usedRatio() > config.diskCleanRatio()) {
            deleteExpiredFiles(now);
        }
    }

    @Override
    public PutMessageResult put(StoredMessage message) {
        return putAsync(message).join();
    }

    @Override
    public PutMessageResult putBatch(List<StoredMessage> messages) {
        return putBatchAsync(messages).join();
    }

    @Override
    public CompletableFuture<PutMessageResult> putAsync(StoredMessage message) {
        return putBatchAsync(List.of(message));
    }

    @Override
    public CompletableFuture<PutMessageResult> putAsync(StoredMessage message, boolean waitStoreMsgOk) {
        return putBatchAsync(List.of(message), waitStoreMsgOk);
    }

    @Override
    public CompletableFuture<PutMessageResult> putBatchAsync(List<StoredMessage> messages) {
        return putBatchAsync(messages, Appender.waitsForFlush(messages));
    }

    @Override
    public CompletableFuture<PutMessageResult> putBatchAsync(List<StoredMessage> messages, boolean waitStoreMsgOk) {
        Appender.Appended appended;
        try {
            Appender.Prepared prepared = appender.prepare(messages, waitStoreMsgOk);
            appended = appendLocked(prepared);
        } catch (Appender.PutRejected e) {
            counters.putFailed();
            return CompletableFuture.completedFuture(e.toResult());
        }
        counters.put(appended.result().appends().size(), appended.result().appends().stream()
                .mapToLong(AppendResult::size).sum());
        notifyArrivals(appended.dispatched());
        return awaitFlush(appended);
    }

    private Appender.Appended appendLocked(Appender.Prepared prepared) {
        putLock.lock();
        try {
            if (state != State.RUNNING) {
                throw new Appender.PutRejected(PutMessageStatus.SERVICE_NOT_AVAILABLE,
                        "message store is " + (state == State.NEW ? "not started" : "closed"));
            }
            DiskUsage usage = lastDiskUsage;
            if (usage.isFull()) {
                throw new Appender.PutRejected(PutMessageStatus.SERVICE_NOT_AVAILABLE, usage.reason());
            }
            return appender.append(prepared);
        } finally {
            putLock.unlock();
        }
    }

    private CompletableFuture<PutMessageResult> awaitFlush(Appender.Appended appended) {
        PutMessageResult ok = appended.result();
        GroupCommitService gc = groupCommit;
        if (gc == null) {
            return CompletableFuture.completedFuture(ok);
        }
        if (!appended.waitForFlush()) {
            gc.wakeup();
            return CompletableFuture.completedFuture(ok);
        }
        return gc.request(appended.endOffset()).thenApply(flushed -> flushed ? ok
                : ok.withStatus(PutMessageStatus.FLUSH_DISK_TIMEOUT, "not flushed within "
                + config.syncFlushTimeout().toMillis() + " ms"));
    }

    private void notifyArrivals(List<DispatchRequest> dispatched) {
        if (listeners.isEmpty()) {
            return;
        }
        for (DispatchRequest r : dispatched) {
            if (!Dispatcher.hasConsumeQueueEntry(r.sysFlag())) {
                continue;
            }
            for (ArrivalListener l : listeners) {
                try {
                    l.onArrival(r.topic(), r.queueId(), r.queueOffset() + 1, r.tagsCode(), r.storeTimestamp());
                } catch (RuntimeException e) {
                    LOG.warn("arrival listener failed for {}:{}", r.topic(), r.queueId(), e);
                }
            }
        }
    }

    @Override
    public GetMessageResult get(String group, String topic, int queueId, long offset, int maxMsgNums,
                                int maxBytes, MessageFilter filter) {
        requireRunning();
        GetMessageResult r = reader.get(topic, queueId, offset, maxMsgNums, maxBytes, filter);
        counters.get(r.messageCount(), r.bufferTotalSize());
        return r;
    }

    @Override
    public long maxOffsetInQueue(String topic, int queueId) {
        return queues.maxOffset(topic, queueId);
    }

    @Override
    public long minOffsetInQueue(String topic, int queueId) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? 0 : cq.minOffset();
    }

    @Override
    public long offsetByTime(String topic, int queueId, long timestamp) {
        return reader.offsetByTime(topic, queueId, timestamp);
    }

    @Override
    public long earliestMessageTime(String topic, int queueId) {
        return reader.earliestTime(topic, queueId);
    }

    @Override
    public long messageStoreTime(String topic, int queueId, long queueOffset) {
        return reader.storeTime(topic, queueId, queueOffset);
    }

    @Override
    public Optional<StoredMessage> lookMessageByOffset(long physicalOffset) {
        return selectRecord(physicalOffset).flatMap(b -> {
            try {
                return Optional.of(StoredMessageCodec.decode(b.duplicate()));
            } catch (MalformedMessageException e) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Optional<ByteBuffer> selectRecord(long physicalOffset) {
        return Optional.ofNullable(commitLog.readRecord(physicalOffset));
    }

    @Override
    public QueryMessageResult queryMessage(String topic, String key, int maxNum, long beginTimestamp,
                                           long endTimestamp) {
        return new MessageQuery(commitLog, index).query(topic, key, maxNum, beginTimestamp, endTimestamp);
    }

    @Override
    public long commitLogMaxOffset() {
        return commitLog.maxOffset();
    }

    @Override
    public long commitLogMinOffset() {
        return commitLog.minOffset();
    }

    @Override
    public Set<String> topics() {
        return queues.topics();
    }

    @Override
    public Set<Integer> queueIds(String topic) {
        return queues.queueIds(topic);
    }

    @Override
    public void deleteTopic(String topic) {
        putLock.lock();
        try {
            queues.deleteTopic(topic);
        } finally {
            putLock.unlock();
        }
    }

    @Override
    public ByteBuffer readCommitLog(long fromOffset, int maxBytes) {
        if (fromOffset < commitLog.minOffset() || fromOffset > commitLog.maxOffset()) {
            throw new IllegalArgumentException("offset " + fromOffset + " outside the commit log ["
                    + commitLog.minOffset() + ", " + commitLog.maxOffset() + "]");
        }
        try {
            return commitLog.readRaw(fromOffset, maxBytes);
        } catch (SegmentClosedException e) {
            throw new IllegalArgumentException("offset " + fromOffset + " was deleted meanwhile; the commit log"
                    + " now starts at " + commitLog.minOffset(), e);
        }
    }

    @Override
    public boolean appendRaw(long startOffset, byte[] data) {
        List<DispatchRequest> dispatched;
        putLock.lock();
        try {
            requireRunning();
            if (!commitLog.appendRaw(startOffset, ByteBuffer.wrap(data))) {
                return false;
            }
            dispatched = dispatcher.dispatchAvailable();
        } finally {
            putLock.unlock();
        }
        notifyArrivals(dispatched);
        return true;
    }

    @Override
    public void onArrival(ArrivalListener listener) {
        listeners.add(listener);
    }

    @Override
    public void flush() {
        maintenance.flushAll();
    }

    @Override
    public int deleteExpiredFiles(long nowMillis) {
        return maintenance.deleteExpiredFiles(nowMillis);
    }

    @Override
    public DiskUsage diskUsage() {
        DiskUsage usage = new DiskUsage(config.storePathRootDir(),
                env.diskUsage().usedRatio(config.storePathRootDir()), config.diskMaxUsedRatio());
        if (usage.isFull() && !lastDiskUsage.isFull()) {
            LOG.warn("{}; refusing puts", usage.reason());
        }
        lastDiskUsage = usage;
        return usage;
    }

    @Override
    public StoreStats stats() {
        return counters.snapshot(commitLog.minOffset(), commitLog.maxOffset(), commitLog.flushedOffset(),
                dispatcher.dispatchedOffset(), queues.topics().size(), queues.all().size(), lastDiskUsage);
    }

    @Override
    public MessageStoreConfig config() {
        return config;
    }

    CommitLog commitLog() {
        return commitLog;
    }

    ConsumeQueueTable queues() {
        return queues;
    }

    IndexService index() {
        return index;
    }

    private void requireRunning() {
        if (state != State.RUNNING) {
            throw new IllegalStateException("message store is " + state);
        }
    }

    @Override
    public void close() {
        putLock.lock();
        try {
            if (state == State.CLOSED) {
                return;
            }
            boolean wasRunning = state == State.RUNNING;
            state = State.CLOSED;
            timers.forEach(Scheduler.Cancellable::cancel);
            if (groupCommit != null) {
                groupCommit.close();
            }
            if (wasRunning) {
                maintenance.flushAll();
            }
            commitLog.close();
            queues.close();
            index.close();
            LOG.info("message store at {} closed at offset {}", config.storePathRootDir(), commitLog.maxOffset());
        } finally {
            putLock.unlock();
        }
    }
}
