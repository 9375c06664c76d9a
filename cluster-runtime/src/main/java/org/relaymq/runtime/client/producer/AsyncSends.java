package org.relaymq.runtime.client.producer;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.common.concurrent.Executors2;

/**
 * The asynchronous sends of one producer: at most {@code limit} in flight (a caller waits up to its send
 * timeout for one to end, then is refused), continued on a small executor of their own, and none left
 * hanging at shutdown. A send holds one permit from its start until its future completes; the permit is
 * released exactly once, before the caller's future completes.
 */
final class AsyncSends {

    private final String group;
    private final int limit;
    private final Semaphore permits;
    private final ThreadPoolExecutor executor;
    private final Set<CompletableFuture<SendResult>> live = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    AsyncSends(String group, int limit, int threads) {
        if (limit < 1 || threads < 1) {
            throw new IllegalArgumentException("need at least one async send and one thread: " + limit + ", " + threads);
        }
        this.group = group;
        this.limit = limit;
        this.permits = new Semaphore(limit);
        // a send has at most one continuation queued at a time, so the queue never fills while permits hold
        this.executor = Executors2.fixedBounded("relaymq-producer-" + group + "-async", threads, limit + 64);
    }

    /** The continuation executor: the thread completing a send's future, and so the thread of its callbacks. */
    Executor executor() {
        return executor;
    }

    /** Sends in flight now. */
    int inFlight() {
        return live.size();
    }

    /**
     * Waits up to {@code timeoutMillis} for a permit, then hands {@code start} the future to complete (it must
     * start the send and return). Returns the caller's future: completed after the permit is released.
     */
    CompletableFuture<SendResult> submit(String topic, long timeoutMillis,
                                         Consumer<CompletableFuture<SendResult>> start) {
        CompletableFuture<SendResult> caller = new CompletableFuture<>();
        ClientException refused = acquire(topic, timeoutMillis);
        if (refused != null) {
            caller.completeExceptionally(refused);
            return caller;
        }
        CompletableFuture<SendResult> send = new CompletableFuture<>();
        live.add(send);
        send.whenComplete((r, e) -> {
            live.remove(send);
            permits.release();
            if (e != null) {
                caller.completeExceptionally(e);
            } else {
                caller.complete(r);
            }
        });
        if (closed) { // close() may have looked at `live` before the add: fail it here
            send.completeExceptionally(shutDown(topic));
            return caller;
        }
        try {
            start.accept(send);
        } catch (RuntimeException e) {
            send.completeExceptionally(e);
        }
        return caller;
    }

    private ClientException acquire(String topic, long timeoutMillis) {
        if (closed) {
            return shutDown(topic);
        }
        try {
            if (permits.tryAcquire(Math.max(0, timeoutMillis), TimeUnit.MILLISECONDS)) {
                return null;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ClientException(ClientException.LOCAL, "async send to topic " + topic
                    + " interrupted while waiting for one of the " + limit + " in-flight slots of producer " + group, e);
        }
        if (closed) {
            return shutDown(topic);
        }
        return new ClientException(ClientException.LOCAL, "async send to topic " + topic + " refused: the in-flight "
                + "limit of " + limit + " async sends of producer " + group + " was reached and none completed within "
                + timeoutMillis + " ms (see backPressureForAsyncSendNum)");
    }

    private ClientException shutDown(String topic) {
        return new ClientException(ClientException.LOCAL,
                "producer " + group + " shut down before the async send to topic " + topic + " completed");
    }

    /**
     * Refuses new sends, waits up to {@code grace} for those in flight to complete, fails the rest with a
     * "producer shut down" error and stops the executor. Idempotent.
     */
    void close(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (permits.tryAcquire(limit, grace.toMillis(), TimeUnit.MILLISECONDS)) {
                permits.release(limit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (CompletableFuture<SendResult> send : live) {
            send.completeExceptionally(new ClientException(ClientException.LOCAL, "producer " + group
                    + " shut down before the async send completed (waited " + grace.toMillis() + " ms)"));
        }
        Executors2.shutdownAndAwait(executor, Duration.ofSeconds(3));
    }
}
