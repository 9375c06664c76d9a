package org.relaymq.runtime.client.consumer;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.LockBatchRequestBody;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The queues a push consumer owns, each with its process queue and pull loop. Orderly clustering consumers
 * take a queue only after LOCK_BATCH_MQ succeeds, and give it back (offset persisted, UNLOCK) under the
 * queue's consume lock so no message of it is in the listener meanwhile.
 */
final class PushQueueTable implements Rebalancer.Owner, PullDriver.Sink {

    static final int PULL_THRESHOLD_FOR_QUEUE = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(PushQueueTable.class);

    private final String group;
    private final ClientInstance client;
    private final OffsetStore offsets;
    private final StartOffsets starts;
    private final boolean lockQueues;
    private final ConsumeFromWhere where;
    private final long consumeTimestamp;
    private final Map<MessageQueue, PullTask> tasks = new ConcurrentHashMap<>();
    private PullDriver driver;
    private PullSource source;
    private ConsumeService consume;

    PushQueueTable(String group, ClientInstance client, OffsetStore offsets, boolean lockQueues, ConsumeFromWhere where,
                   long consumeTimestamp) {
        this.group = group;
        this.client = client;
        this.offsets = offsets;
        this.starts = new StartOffsets(client.calls(), client.routes());
        this.lockQueues = lockQueues;
        this.where = where;
        this.consumeTimestamp = consumeTimestamp;
    }

    void wire(PullDriver pullDriver, PullSource pullSource, ConsumeService consumeService) {
        this.driver = pullDriver;
        this.source = pullSource;
        this.consume = consumeService;
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
        Set<MessageQueue> locked = lockQueues ? lock(added) : added;
        Set<MessageQueue> taken = new HashSet<>();
        for (MessageQueue mq : locked) {
            try {
                long start = starts.compute(mq, offsets, where, consumeTimestamp);
                ProcessQueue pq = new ProcessQueue(mq);
                pq.locked(true, client.time().monotonicMillis());
                PullTask t = new PullTask(pq, start);
                tasks.put(mq, t);
                taken.add(mq);
                driver.pull(t);
            } catch (ClientException e) {
                LOG.info("cannot start {} for {}: {}", mq, group, e.getMessage());
            }
        }
        return taken;
    }

    /** Drops a queue: stop pulling, wait for its listener (orderly), persist its offset, unlock it. */
    void release(MessageQueue mq) {
        PullTask t = tasks.remove(mq);
        if (t == null) {
            return;
        }
        t.pq.drop();
        boolean held = false;
        try {
            held = !lockQueues || t.pq.consumeLock().tryLock(1, TimeUnit.SECONDS);
            offsets.persist(List.of(mq), true);
            offsets.remove(mq);
            source.forget(mq);
            if (lockQueues) {
                unlock(Set.of(mq));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (held && lockQueues) {
                t.pq.consumeLock().unlock();
            }
            t.pq.clear();
        }
    }

    void releaseAll() {
        all().forEach(this::release);
    }

    /** Re-locks every owned queue (orderly); a queue whose lock was lost pauses. */
    void renewLocks() {
        Set<MessageQueue> granted = lock(all());
        long now = client.time().monotonicMillis();
        tasks.forEach((mq, t) -> t.pq.locked(granted.contains(mq), now));
    }

    private Set<MessageQueue> lock(Set<MessageQueue> mqs) {
        Set<MessageQueue> granted = new HashSet<>();
        for (Map.Entry<String, Set<MessageQueue>> e : byBroker(mqs).entrySet()) {
            String addr = client.routes().masterAddr(e.getKey());
            if (addr == null) {
                continue;
            }
            try {
                granted.addAll(client.calls().lock(addr, new LockBatchRequestBody(client.clientId(), group,
                        e.getValue(), false)));
            } catch (ClientException ex) {
                LOG.debug("lock at {} failed: {}", addr, ex.getMessage());
            }
        }
        return granted;
    }

    private void unlock(Set<MessageQueue> mqs) {
        for (Map.Entry<String, Set<MessageQueue>> e : byBroker(mqs).entrySet()) {
            String addr = client.routes().masterAddr(e.getKey());
            if (addr != null) {
                try {
                    client.calls().unlock(addr, new LockBatchRequestBody(client.clientId(), group, e.getValue(),
                            false));
                } catch (ClientException ex) {
                    LOG.debug("unlock at {} failed: {}", addr, ex.getMessage());
                }
            }
        }
    }

    private static Map<String, Set<MessageQueue>> byBroker(Set<MessageQueue> mqs) {
        Map<String, Set<MessageQueue>> out = new HashMap<>();
        mqs.forEach(q -> out.computeIfAbsent(q.brokerName(), k -> new HashSet<>()).add(q));
        return out;
    }

    @Override
    public long holdBack(PullTask t) {
        if (t.pq.size() > PULL_THRESHOLD_FOR_QUEUE) {
            return 50;
        }
        return lockQueues && !t.pq.locked() ? 1000 : 0;
    }

    @Override
    public void found(PullTask t, List<ReceivedMessage> messages) {
        t.pq.put(messages);
        consume.submit(t.pq, messages);
    }

    @Override
    public void offsetMoved(PullTask t, long next) {
        t.pq.drop();
        client.scheduler().schedule(() -> {
            offsets.update(t.mq, next, false);
            offsets.persist(List.of(t.mq), false);
            tasks.remove(t.mq, t);
            source.forget(t.mq);
        }, Duration.ofSeconds(10));
    }
}
