package org.relaymq.runtime.client.consumer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.api.MessageListenerConcurrently;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.relaymq.runtime.common.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Batches of {@code batchSize} messages on many threads. RECONSUME_LATER in clustering sends the messages
 * back (retry topic); a message that cannot be sent back is consumed again locally 5 s later. Broadcasting
 * failures are dropped, as Apache does. The queue's offset advances past every finished message.
 */
final class ConcurrentConsumeService implements ConsumeService {

    private static final Logger LOG = LoggerFactory.getLogger(ConcurrentConsumeService.class);

    private final MessageListenerConcurrently listener;
    private final Executor executor;
    private final OffsetStore offsets;
    private final MessageModel model;
    private final RetrySender retry;
    private final Scheduler scheduler;
    private final int batchSize;

    ConcurrentConsumeService(MessageListenerConcurrently listener, Executor executor, OffsetStore offsets,
                             MessageModel model, RetrySender retry, Scheduler scheduler, int batchSize) {
        this.listener = listener;
        this.executor = executor;
        this.offsets = offsets;
        this.model = model;
        this.retry = retry;
        this.scheduler = scheduler;
        this.batchSize = batchSize;
    }

    @Override
    public void submit(ProcessQueue pq, List<ReceivedMessage> messages) {
        for (int i = 0; i < messages.size(); i += batchSize) {
            List<ReceivedMessage> batch = List.copyOf(messages.subList(i, Math.min(messages.size(), i + batchSize)));
            executor.execute(() -> consume(pq, batch));
        }
    }

    private void consume(ProcessQueue pq, List<ReceivedMessage> batch) {
        if (pq.dropped()) {
            return;
        }
        ConsumeConcurrentlyStatus status;
        try {
            status = listener.consume(batch, pq.queue());
        } catch (RuntimeException e) {
            LOG.warn("listener failed on {} message(s) of {}", batch.size(), pq.queue(), e);
            status = ConsumeConcurrentlyStatus.RECONSUME_LATER;
        }
        List<ReceivedMessage> finished = new ArrayList<>(batch);
        if (status == ConsumeConcurrentlyStatus.RECONSUME_LATER && model == MessageModel.CLUSTERING) {
            List<ReceivedMessage> again = batch.stream().filter(m -> !retry.sendBack(m, 0)).toList();
            finished.removeAll(again);
            if (!again.isEmpty()) {
                scheduler.schedule(() -> submit(pq, again), Duration.ofSeconds(5));
            }
        }
        long offset = pq.remove(finished);
        if (offset >= 0 && !pq.dropped()) {
            offsets.update(pq.queue(), offset, true);
        }
    }
}
