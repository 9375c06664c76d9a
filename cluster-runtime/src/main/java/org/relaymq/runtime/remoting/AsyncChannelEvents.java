package org.relaymq.runtime.remoting;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands channel events to a listener on one dedicated thread (in order, off the event loop).
 * The queue is bounded; when a listener falls that far behind, events are dropped with a warning.
 */
final class AsyncChannelEvents implements ChannelEventListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AsyncChannelEvents.class);
    private static final int QUEUE_CAPACITY = 10_000;

    private final ChannelEventListener listener;
    private final ThreadPoolExecutor executor;

    AsyncChannelEvents(String threadName, ChannelEventListener listener) {
        this.listener = listener;
        this.executor = Executors2.fixedBounded(threadName, 1, QUEUE_CAPACITY);
    }

    @Override
    public void onConnected(RemoteChannel channel) {
        submit("connected", channel, () -> listener.onConnected(channel));
    }

    @Override
    public void onClosed(RemoteChannel channel) {
        submit("closed", channel, () -> listener.onClosed(channel));
    }

    @Override
    public void onIdle(RemoteChannel channel) {
        submit("idle", channel, () -> listener.onIdle(channel));
    }

    @Override
    public void onException(RemoteChannel channel, Throwable cause) {
        submit("exception", channel, () -> listener.onException(channel, cause));
    }

    private void submit(String kind, RemoteChannel channel, Runnable call) {
        try {
            executor.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    LOG.warn("channel listener failed on {} event of {}", kind, channel, e);
                }
            });
        } catch (RejectedExecutionException e) {
            if (!executor.isShutdown()) {
                LOG.warn("dropping {} event of {}: channel listener is {} events behind", kind, channel,
                        QUEUE_CAPACITY);
            }
        }
    }

    /** Delivers the events already queued (for up to a few seconds), then stops the thread. */
    @Override
    public void close() {
        Executors2.shutdownAndAwait(executor, Duration.ofSeconds(3));
    }
}
