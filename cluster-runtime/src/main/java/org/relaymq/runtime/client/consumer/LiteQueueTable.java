package org.relaymq.runtime.client.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queues of a lite pull consumer: one pull loop per queue fills a shared buffer that {@code poll}
 * drains. Per queue it keeps the consumed position (one past the last polled message), which a commit
 * copies into the offset store. A seek replaces the queue's pull loop, so a pull parked at the broker
 * under the old position can no longer deliver.
 */
final class LiteQueueTable implements Rebalancer.Owner, PullDriver.Sink {

    static final int PULL_THRESHOLD_FOR_ALL = 10_000;
    static final int PULL_THRESHOLD_FOR_QUEUE = 1000;
    private static final long PAUSED_RECHECK_MILLIS = 200;
    private static final Logger LOG = LoggerFactory.getLogger(LiteQueueTable.class);

    /** Messages of one pull, with the loop that fetched them. */
    private record Batch(PullTask task, List<ReceivedMessage> messages) {
    }

    private final String group;
    private final ClientInstance client;
    private final OffsetStore offsets;
    private final StartOffsets starts;
    private final ConsumeFromWhere where;
    private final long consumeTimestamp;
    private final boolean autoCommit;
    private final Map<MessageQueue, PullTask> tasks = new ConcurrentHashMap<>();
    private final Map<MessageQueue, Long> consumed = new ConcurrentHashMap<>();
    private final Set<MessageQueue> paused = ConcurrentHashMap.newKeySet();
    private final BlockingQueue<Batch> buffer = new LinkedBlockingQueue<>();
    private final AtomicInteger buffered = new AtomicInteger();
    private PullDriver driver;
    private PullSource source;

    LiteQueueTable(String group, ClientInstance client, OffsetStore offsets, ConsumeFromWhere where,
                   long consumeTimestamp, boolean autoCommit) {
        this.group = group;
        this.client = client;
        this.offsets = offsets;
        this.starts = new StartOffsets(client.calls(), client.routes());
        this.where = where;
        this.consumeTimestamp = consumeTimestamp;
        this.autoCommit = autoCommit;
    }

    void wire(PullDriver pullDriver, PullSource pullSource) {
        this.driver = pullDriver;
        this.source = pullSource;
    }

    Set<MessageQueue> all() {
        return Set.copyOf(tasks.keySet());
    }

    @Override
    public Set<MessageQueue> owned(String topic) {
        return tasks.keySet().stream().filter(q -> q.topic().equals(topic)).collect(Collectors.toSet());
    }

    @Override
    public Set<MessageQueue> apply(Set<MessageQueue> added, Set<MessageQueue> removed) {
        removed.forEach(this::release);
        Set<MessageQueue> taken = ConcurrentHashMap.newKeySet();
        for (MessageQueue mq : added) {
            try {
                start(mq, starts.compute(mq, offsets, where, consumeTimestamp));
                taken.add(mq);
            } catch (ClientException e) {
                LOG.info("cannot start {} for {}: {}", mq, group, e.getMessage());
            }
        }
        return taken;
    }

    /** (Re)starts the pull loop of {@code mq} at {@code offset}; a previous loop of it is dropped. */
    void start(MessageQueue mq, long offset) {
        PullTask t = new PullTask(new ProcessQueue(mq), offset);
        PullTask old = tasks.put(mq, t);
        if (old != null) {
            discard(old);
        }
        consumed.put(mq, offset);
        driver.pull(t);
    }

    /** Stops pulling {@code mq}; persists its offset (its consumed position first, with auto-commit). */
    void release(MessageQueue mq) {
        PullTask t = tasks.remove(mq);
        if (t == null) {
            return;
        }
        discard(t);
        if (autoCommit) {
            commit(Set.of(mq), true);
        } else {
            offsets.persist(Set.of(mq), true);
        }
        offsets.remove(mq);
        consumed.remove(mq);
        paused.remove(mq);
        source.forget(mq);
    }

    private void discard(PullTask t) {
        t.pq.drop();
        buffer.removeIf(b -> {
            boolean stale = b.task == t;
            if (stale) {
                buffered.addAndGet(-b.messages.size());
            }
            return stale;
        });
        t.pq.clear();
    }

    void releaseAll() {
        all().forEach(this::release);
    }

    /** The next batch of a live queue, waiting at most {@code timeout}; empty when none came. */
    List<ReceivedMessage> poll(Duration timeout) throws InterruptedException {
        long deadline = client.time().monotonicMillis() + timeout.toMillis();
        while (true) {
            long left = deadline - client.time().monotonicMillis();
            Batch b = left > 0 ? buffer.poll(left, TimeUnit.MILLISECONDS) : buffer.poll();
            if (b == null) {
                return List.of();
            }
            buffered.addAndGet(-b.messages.size());
            if (!b.task.pq.dropped() && tasks.get(b.task.mq) == b.task) {
                long next = b.task.pq.remove(b.messages);
                consumed.merge(b.task.mq, next, Math::max);
                return b.messages;
            }
        }
    }

    /** Copies the consumed positions of {@code mqs} into the offset store and persists them. */
    void commit(Set<MessageQueue> mqs, boolean sync) {
        for (MessageQueue mq : mqs) {
            Long position = consumed.get(mq);
            if (position != null && position >= 0) {
                offsets.update(mq, position, false);
            }
        }
        offsets.persist(mqs, sync);
    }

    long consumedPosition(MessageQueue mq) {
        return consumed.getOrDefault(mq, -1L);
    }

    void pause(Set<MessageQueue> mqs) {
        paused.addAll(mqs);
    }

    void resume(Set<MessageQueue> mqs) {
        paused.removeAll(mqs);
    }

    boolean isPaused(MessageQueue mq) {
        return paused.contains(mq);
    }

    @Override
    public long holdBack(PullTask t) {
        if (paused.contains(t.mq)) {
            return PAUSED_RECHECK_MILLIS;
        }
        return buffered.get() > PULL_THRESHOLD_FOR_ALL || t.pq.size() > PULL_THRESHOLD_FOR_QUEUE ? 50 : 0;
    }

    @Override
    public void found(PullTask t, List<ReceivedMessage> messages) {
        t.pq.put(messages);
        buffered.addAndGet(messages.size());
        buffer.add(new Batch(t, List.copyOf(messages)));
    }

    @Override
    public void offsetMoved(PullTask t, long next) {
        LOG.info("offset {} of {} is illegal for {}: going on from {}", t.nextOffset, t.mq, group, next);
        t.nextOffset = next;
        driver.pull(t);
    }
}
