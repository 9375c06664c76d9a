package org.relaymq.runtime.client.consumer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.relaymq.runtime.client.api.ConsumeOrderlyStatus;
import org.relaymq.runtime.client.api.MessageListenerOrderly;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread at a time per queue, in offset order, only while the queue's broker lock is held (clustering).
 * A suspend puts the messages back and retries after 1 s; past {@code maxReconsumeTimes} the message goes
 * to the DLQ and consumption moves on.
 */
final class OrderlyConsumeService implements ConsumeService {

    static final long LOCK_EXPIRY_MILLIS = 30_000;
    private static final Logger LOG = LoggerFactory.getLogger(OrderlyConsumeService.class);

    private final MessageListenerOrderly listener;
    private final Executor executor;
    private final OffsetStore offsets;
    private final boolean clustering;
    private final RetrySender retry;
    private final Scheduler scheduler;
    private final TimeSource time;
    private final int maxReconsumeTimes;
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();

    OrderlyConsumeService(MessageListenerOrderly listener, Executor executor, OffsetStore offsets, boolean clustering,
                          RetrySender retry, Scheduler scheduler, TimeSource time, int maxReconsumeTimes) {
        this.listener = listener;
        this.executor = executor;
        this.offsets = offsets;
        this.clustering = clustering;
        this.retry = retry;
        this.scheduler = scheduler;
        this.time = time;
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    @Override
    public void submit(ProcessQueue pq, List<ReceivedMessage> messages) {
        executor.execute(() -> drain(pq));
    }

    private void later(ProcessQueue pq, long millis) {
        scheduler.schedule(() -> executor.execute(() -> drain(pq)), Duration.ofMillis(millis));
    }

    private void drain(ProcessQueue pq) {
        pq.consumeLock().lock();
        try {
            while (!pq.dropped()) {
                if (clustering && (!pq.locked() || pq.lockExpired(time.monotonicMillis(), LOCK_EXPIRY_MILLIS))) {
                    later(pq, 500);
                    return;
                }
                List<ReceivedMessage> batch = pq.take(1);
                if (batch.isEmpty()) {
                    return;
                }
                if (!consumeOne(pq, batch)) {
                    later(pq, 1000);
                    return;
                }
            }
        } finally {
            pq.consumeLock().unlock();
        }
    }

    /** True when consumption may go on with the next messages. */
    private boolean consumeOne(ProcessQueue pq, List<ReceivedMessage> batch) {
        ConsumeOrderlyStatus status;
        try {
            status = listener.consume(batch, pq.queue());
        } catch (RuntimeException e) {
            LOG.warn("orderly listener failed on {}", pq.queue(), e);
            status = ConsumeOrderlyStatus.SUSPEND_CURRENT_QUEUE_A_MOMENT;
        }
        String key = batch.get(0).msgId();
        if (status == ConsumeOrderlyStatus.SUCCESS) {
            attempts.remove(key);
            commit(pq);
            return true;
        }
        int n = attempts.merge(key, 1, Integer::sum);
        if (n > maxReconsumeTimes && batch.stream().allMatch(m -> retry.sendBack(m, -1))) {
            attempts.remove(key);
            commit(pq);
            return true;
        }
        pq.rollback();
        return false;
    }

    private void commit(ProcessQueue pq) {
        long next = pq.commit();
        if (next >= 0) {
            offsets.update(pq.queue(), next, false);
        }
    }
}
