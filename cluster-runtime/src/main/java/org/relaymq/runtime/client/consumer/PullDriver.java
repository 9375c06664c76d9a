package org.relaymq.runtime.client.consumer;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.relaymq.protocol.body.SubscriptionData;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.PullMessageRequestHeader;
import org.relaymq.protocol.header.PullMessageResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The long-polling pull loop (protocol.md §8.3): one PULL_MESSAGE in flight per owned queue; the next
 * pull starts from {@code nextBeginOffset}; failures retry after {@code pullTimeDelayWhenException}
 * (20 ms for FLOW_CONTROL); every answer updates the suggested broker id.
 */
final class PullDriver {

    static final int FLAG_COMMIT_OFFSET = 0x1;
    static final int FLAG_SUSPEND = 0x2;
    static final int FLAG_SUBSCRIPTION = 0x4;
    static final int FLAG_LITE_PULL = 0x10;

    /** How this consumer pulls. */
    record Settings(int batch, long suspendMillis, long timeoutMillis, boolean liteMode, boolean commitOffsets) {
    }

    /** Where pulled messages go. */
    interface Sink {
        /** Delay in ms before pulling {@code t} again (local flow control), 0 = now. */
        long holdBack(PullTask t);

        void found(PullTask t, List<ReceivedMessage> messages);

        /** The broker said the offset is illegal; {@code next} is where it suggests to go on. */
        void offsetMoved(PullTask t, long next);
    }

    private static final Logger LOG = LoggerFactory.getLogger(PullDriver.class);

    private final String group;
    private final ClientInstance client;
    private final PullSource source;
    private final Settings settings;
    private final Function<String, SubscriptionData> subscriptions;
    private final OffsetStore offsets;
    private final Sink sink;

    PullDriver(String group, ClientInstance client, PullSource source, Settings settings,
               Function<String, SubscriptionData> subscriptions, OffsetStore offsets, Sink sink) {
        this.group = group;
        this.client = client;
        this.source = source;
        this.settings = settings;
        this.subscriptions = subscriptions;
        this.offsets = offsets;
        this.sink = sink;
    }

    void pullLater(PullTask t, long delayMillis) {
        client.scheduler().schedule(() -> pull(t), Duration.ofMillis(delayMillis));
    }

    void pull(PullTask t) {
        if (t.pq.dropped()) {
            return;
        }
        long hold = sink.holdBack(t);
        if (hold > 0) {
            pullLater(t, hold);
            return;
        }
        PullSource.Target target = source.select(t.mq);
        SubscriptionData sub = subscriptions.apply(t.mq.topic());
        if (target == null || sub == null) {
            client.routes().fetch(t.mq.topic());
            pullLater(t, client.config().pullTimeDelayWhenException().toMillis());
            return;
        }
        long offset = t.nextOffset;
        client.calls().pull(target.addr(), header(t, offset, sub, target.slave()), settings.timeoutMillis())
                .whenComplete((response, error) -> onResponse(t, offset, response, error));
    }

    private PullMessageRequestHeader header(PullTask t, long offset, SubscriptionData sub, boolean slave) {
        long commit = offsets.memory(t.mq);
        int flag = FLAG_SUSPEND;
        if (settings.commitOffsets() && commit > 0 && !slave) {
            flag |= FLAG_COMMIT_OFFSET;
        }
        if (settings.liteMode()) {
            flag |= FLAG_SUBSCRIPTION | FLAG_LITE_PULL;
        }
        return new PullMessageRequestHeader(group, t.mq.topic(), t.mq.queueId(), offset, settings.batch(), flag,
                Math.max(commit, 0), settings.suspendMillis(), settings.liteMode() ? sub.subString() : null,
                settings.liteMode() ? 0 : sub.subVersion(), sub.expressionType(), t.mq.brokerName());
    }

    private void onResponse(PullTask t, long offset, RemotingCommand r, Throwable error) {
        if (t.pq.dropped()) {
            return;
        }
        long retryDelay = client.config().pullTimeDelayWhenException().toMillis();
        if (error != null) {
            LOG.debug("pull of {} failed: {}", t.mq, error.toString());
            pullLater(t, retryDelay);
            return;
        }
        switch (r.code()) {
            case ResponseCode.SUCCESS, ResponseCode.PULL_NOT_FOUND, ResponseCode.PULL_RETRY_IMMEDIATELY,
                    ResponseCode.PULL_OFFSET_MOVED -> handle(t, offset, r);
            case 215 -> pullLater(t, 20);
            default -> {
                LOG.debug("pull of {} answered {}: {}", t.mq, r.code(), r.remark());
                pullLater(t, retryDelay);
            }
        }
    }

    private void handle(PullTask t, long offset, RemotingCommand r) {
        PullMessageResponseHeader h = PullMessageResponseHeader.fromExt(r.ext());
        source.suggest(t.mq, h.suggestWhichBrokerId());
        if (t.nextOffset != offset) {
            pull(t);
            return;
        }
        if (r.code() == ResponseCode.PULL_OFFSET_MOVED) {
            sink.offsetMoved(t, h.nextBeginOffset());
            return;
        }
        t.nextOffset = h.nextBeginOffset();
        if (r.code() == ResponseCode.SUCCESS) {
            List<ReceivedMessage> msgs = MessageDecoding.decode(r.body(), t.mq.brokerName(),
                    subscriptions.apply(t.mq.topic()));
            if (!msgs.isEmpty()) {
                sink.found(t, msgs);
            }
        } else if (t.pq.size() == 0 && !settings.liteMode()) {
            offsets.update(t.mq, h.nextBeginOffset(), true);
        }
        pull(t);
    }
}
