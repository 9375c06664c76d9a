package org.relaymq.runtime.broker.messaging;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.relaymq.protocol.message.MalformedMessageException;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.MessageProperties;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.runtime.broker.offset.DelayOffsetStore;
import org.relaymq.runtime.broker.store.GetMessageResult;
import org.relaymq.runtime.broker.store.GetMessageStatus;
import org.relaymq.runtime.broker.store.MessageFilter;
import org.relaymq.runtime.broker.store.PutMessageResult;
import org.relaymq.runtime.common.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The delay service (protocol.md §6.3): per delay level, reads {@code SCHEDULE_TOPIC_XXXX} queue level − 1
 * from the {@link DelayOffsetStore} offset and re-stores each due message to its REAL_TOPIC / REAL_QID with
 * DELAY removed (so it gets its normal tag hash), advancing and persisting the level's offset. Messages of
 * one level are due in store order, so a level stops at its first message not yet due. Only a master
 * delivers. Each scheduler tick hands {@link #tick(long)} to the executor (never two at once).
 */
public final class ScheduleMessageService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScheduleMessageService.class);
    private static final int BATCH = 32;

    private final MessagingContext ctx;
    private final DelayOffsetStore offsets;
    private final Scheduler scheduler;
    private final Executor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile Scheduler.Cancellable timer;

    public ScheduleMessageService(MessagingContext ctx, DelayOffsetStore offsets, Scheduler scheduler,
                                  Executor executor) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.offsets = Objects.requireNonNull(offsets, "offsets");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    public ScheduleMessageService start() {
        timer = scheduler.scheduleWithFixedDelay(this::submitTick, ctx.config().delayTickInterval(),
                ctx.config().delayTickInterval());
        return this;
    }

    private void submitTick() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    tick(ctx.time().wallMillis());
                } catch (RuntimeException e) {
                    LOG.warn("delay service tick failed", e);
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            running.set(false);
        }
    }

    /** Delivers every message due at {@code nowMillis}; returns how many. */
    public synchronized int tick(long nowMillis) {
        if (ctx.isSlave()) {
            return 0;
        }
        int delivered = 0;
        for (int level = 1; level <= ctx.delayLevels().maxLevel(); level++) {
            delivered += deliverLevel(level, nowMillis);
        }
        if (delivered > 0) {
            offsets.persistIfDirty();
        }
        return delivered;
    }

    private int deliverLevel(int level, long now) {
        int queueId = ctx.delayLevels().queueIdOf(level);
        long start = Math.max(offsets.offset(level), ctx.store().minOffsetInQueue(SystemTopics.SCHEDULE_TOPIC, queueId));
        long offset = start;
        int delivered = 0;
        boolean blocked = false;
        while (!blocked && offset < ctx.store().maxOffsetInQueue(SystemTopics.SCHEDULE_TOPIC, queueId)) {
            GetMessageResult r = ctx.store().get("SCHEDULE_SERVICE", SystemTopics.SCHEDULE_TOPIC, queueId, offset,
                    BATCH, ctx.config().maxPullBytes(), MessageFilter.ALL);
            if (r.status() != GetMessageStatus.FOUND) {
                if (r.nextBeginOffset() <= offset) {
                    break;
                }
                offset = r.nextBeginOffset();
                continue;
            }
            long next = r.nextBeginOffset();
            for (int i = 0; i < r.messageCount(); i++) {
                long queueOffset = r.queueOffsets().get(i);
                Outcome outcome = deliverOne(r.messages().get(i), level, now);
                if (outcome != Outcome.DONE) {
                    next = queueOffset;
                    blocked = true;
                    break;
                }
                delivered++;
            }
            offset = next;
        }
        if (offset != offsets.offset(level)) {
            offsets.update(level, offset);
        }
        return delivered;
    }

    private enum Outcome { DONE, NOT_DUE, FAILED }

    private Outcome deliverOne(ByteBuffer record, int level, long now) {
        StoredMessage parked;
        try {
            parked = StoredMessageCodec.decode(record.duplicate());
        } catch (MalformedMessageException e) {
            LOG.warn("skipping unreadable delayed record of level {}: {}", level, e.getMessage());
            return Outcome.DONE;
        }
        long delay = ctx.delayLevels().delayMillis(level);
        long due = parked.storeTimestamp() + delay;
        if (due > now && due <= now + delay) {
            return Outcome.NOT_DUE;
        }
        StoredMessage real = realMessage(parked);
        if (real == null) {
            return Outcome.DONE;
        }
        PutMessageResult result = ctx.store().put(real);
        if (!result.status().isStored()) {
            LOG.warn("delayed message at {} not delivered yet: {} {}", parked.physicalOffset(), result.status(),
                    result.reason());
            return Outcome.FAILED;
        }
        return Outcome.DONE;
    }

    private StoredMessage realMessage(StoredMessage parked) {
        Map<String, String> props = MessageProperties.parse(parked.properties());
        String topic = props.get(MessageConst.REAL_TOPIC);
        String queue = props.get(MessageConst.REAL_QUEUE_ID);
        if (topic == null || queue == null) {
            LOG.warn("delayed message at {} has no REAL_TOPIC/REAL_QID; dropped", parked.physicalOffset());
            return null;
        }
        props.remove(MessageConst.DELAY_TIME_LEVEL);
        props.put(MessageConst.WAIT_STORE_MSG_OK, "false");
        try {
            return parked.toBuilder().topic(topic).queueId(Integer.parseInt(queue)).queueOffset(0)
                    .physicalOffset(0).storeTimestamp(0).storeHost(ctx.currentStoreHost())
                    .properties(MessageProperties.encode(props)).build();
        } catch (NumberFormatException e) {
            LOG.warn("delayed message at {} has REAL_QID '{}'; dropped", parked.physicalOffset(), queue);
            return null;
        }
    }

    @Override
    public void close() {
        Scheduler.Cancellable t = timer;
        if (t != null) {
            t.cancel();
        }
    }
}
