package org.relaymq.runtime.broker.messaging;

import java.time.ZoneId;
import java.util.Objects;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.runtime.broker.offset.DelayOffsetStore;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.remoting.HandlerTable;
import org.relaymq.runtime.remoting.QueueWaitLimit;
import org.relaymq.runtime.telemetry.EventSink;

/**
 * The broker's store-backed handlers and services in one bundle: send, pull with long polling, offsets,
 * send-back with the delay service, queries, admin statistics and the STORE_STATS publisher.
 * {@link #registerHandlers} fills the broker's handler table (one handler per code); {@link #start()} starts
 * the long polling, delay and stats timers; {@link #close()} stops them (the pools belong to the caller).
 */
public final class MessagingServices implements AutoCloseable {

    private final MessagingContext ctx;
    private final MessagingExecutors executors;
    private final SendMessageService send;
    private final LongPollingService longPolling;
    private final PullMessageService pull;
    private final ScheduleMessageService schedule;
    private final StoreStatsService stats;
    private final long bootTimestamp;

    /**
     * @param delayOffsets progress of the delay service (loaded; its periodic persistence is started elsewhere)
     * @param scheduler    timers: hold timeouts, the held-pull sweep, delay ticks, stats samples
     * @param events       where STORE_STATS goes
     */
    public MessagingServices(MessagingContext ctx, DelayOffsetStore delayOffsets, Scheduler scheduler,
                             EventSink events, MessagingExecutors executors) {
        this.ctx = Objects.requireNonNull(ctx, "ctx");
        this.executors = Objects.requireNonNull(executors, "executors");
        this.send = new SendMessageService(ctx);
        this.longPolling = new LongPollingService(ctx.store(), scheduler, executors.pull(),
                ctx.config().holdSweepInterval());
        this.pull = new PullMessageService(ctx, longPolling);
        this.schedule = new ScheduleMessageService(ctx, delayOffsets, scheduler, executors.delay());
        this.stats = new StoreStatsService(ctx.store(), events, scheduler, ctx.time(), ctx.config().statsInterval(),
                ZoneId.systemDefault());
        this.bootTimestamp = ctx.time().wallMillis();
    }

    /**
     * Registers every request code these services answer. QUERY_CONSUMER_OFFSET / UPDATE_CONSUMER_OFFSET
     * are the broker core's; give it {@link #queueHead()} for the "new group on a young queue" rule.
     */
    public HandlerTable registerHandlers(HandlerTable table) {
        QueueWaitLimit sendWait = new QueueWaitLimit(ctx.time(), ctx.config().waitTimeInSendQueue());
        table.register(RequestCode.SEND_MESSAGE, new SendMessageHandler(send), executors.send(), sendWait);
        table.register(RequestCode.SEND_MESSAGE_V2, new SendMessageV2Handler(send), executors.send(), sendWait);
        table.register(RequestCode.SEND_BATCH_MESSAGE, new SendBatchMessageHandler(send), executors.send(), sendWait);
        table.register(RequestCode.CONSUMER_SEND_MSG_BACK, new ConsumerSendMsgBackHandler(ctx), executors.send(),
                sendWait);
        table.register(RequestCode.PULL_MESSAGE, new PullMessageHandler(pull), executors.pull());
        registerOffsetHandlers(table);
        table.register(RequestCode.QUERY_MESSAGE, new QueryMessageHandler(ctx), executors.query());
        table.register(RequestCode.VIEW_MESSAGE_BY_ID, new ViewMessageByIdHandler(ctx.store()), executors.query());
        table.register(RequestCode.DELETE_TOPIC_IN_BROKER, new DeleteTopicInBrokerHandler(ctx), executors.admin());
        table.register(RequestCode.GET_BROKER_RUNTIME_INFO,
                new GetBrokerRuntimeInfoHandler(ctx, stats, executors, bootTimestamp), executors.admin());
        table.register(RequestCode.GET_TOPIC_STATS_INFO, new GetTopicStatsInfoHandler(ctx), executors.admin());
        table.register(RequestCode.GET_CONSUME_STATS, new GetConsumeStatsHandler(ctx), executors.admin());
        return table;
    }

    private void registerOffsetHandlers(HandlerTable table) {
        table.register(RequestCode.GET_MAX_OFFSET, QueueOffsetHandlers.getMaxOffset(ctx.store()), executors.query());
        table.register(RequestCode.GET_MIN_OFFSET, QueueOffsetHandlers.getMinOffset(ctx.store()), executors.query());
        table.register(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
                QueueOffsetHandlers.searchOffsetByTimestamp(ctx.store()), executors.query());
        table.register(RequestCode.GET_EARLIEST_MSG_STORETIME,
                QueueOffsetHandlers.getEarliestMsgStoretime(ctx.store()), executors.query());
    }

    /** Starts long polling (arrival listener, sweep), the delay ticks and the stats samples. */
    public MessagingServices start() {
        longPolling.start();
        schedule.start();
        stats.start();
        return this;
    }

    /** Lets SYNC_MASTER sends wait for a slave's acknowledgement before answering. */
    public void replicationWait(ReplicationWait wait) {
        send.replicationWait(wait);
    }

    /** The store-backed answer to "may a new group start this queue at 0?". */
    public HotQueueHead queueHead() {
        return new HotQueueHead(ctx.store(), ctx.config().hotDataBytes());
    }

    public LongPollingService longPolling() {
        return longPolling;
    }

    public ScheduleMessageService schedule() {
        return schedule;
    }

    public StoreStatsService stats() {
        return stats;
    }

    /** Stops the timers and answers held pulls; idempotent. */
    @Override
    public void close() {
        stats.close();
        schedule.close();
        longPolling.close();
    }
}
