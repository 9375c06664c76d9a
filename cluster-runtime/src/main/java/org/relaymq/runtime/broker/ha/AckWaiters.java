package org.relaymq.runtime.broker.ha;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.relaymq.runtime.common.time.Scheduler;

/**
 * SYNC_MASTER waits: futures completed with true once any slave acknowledged an offset at or beyond theirs,
 * or with false when their timeout (on the injected scheduler) passes first. Futures are completed on the
 * given executor, never on a Netty event loop or the scheduler thread.
 */
final class AckWaiters {

    private final Scheduler scheduler;
    private final Executor completer;
    private final PriorityQueue<Waiter> waiting = new PriorityQueue<>();
    private volatile long maxAck = -1;
    private boolean closed;

    AckWaiters(Scheduler scheduler, Executor completer) {
        this.scheduler = scheduler;
        this.completer = completer;
    }

    /** Highest offset any slave has acknowledged so far, -1 before the first report. */
    long maxAck() {
        return maxAck;
    }

    CompletableFuture<Boolean> await(long offset, Duration timeout) {
        if (maxAck >= offset) {
            return CompletableFuture.completedFuture(true);
        }
        Waiter w = new Waiter(offset, new CompletableFuture<>());
        synchronized (this) {
            if (closed) {
                return CompletableFuture.completedFuture(false);
            }
            waiting.add(w);
        }
        w.timer = scheduler.schedule(() -> expire(w), timeout);
        if (maxAck >= offset) {
            releaseUpTo(maxAck);
        }
        return w.future;
    }

    /** A slave reported {@code offset}. */
    void onAck(long offset) {
        if (offset <= maxAck) {
            return;
        }
        synchronized (this) {
            maxAck = Math.max(maxAck, offset);
        }
        releaseUpTo(offset);
    }

    /** Number of sends still waiting. */
    synchronized int pending() {
        return waiting.size();
    }

    /** Completes every wait with false; later waits complete false at once. */
    void close() {
        List<Waiter> all;
        synchronized (this) {
            closed = true;
            all = new ArrayList<>(waiting);
            waiting.clear();
        }
        all.forEach(w -> finish(w, false));
    }

    private void releaseUpTo(long offset) {
        List<Waiter> done = new ArrayList<>();
        synchronized (this) {
            while (!waiting.isEmpty() && waiting.peek().offset <= offset) {
                done.add(waiting.poll());
            }
        }
        done.forEach(w -> finish(w, true));
    }

    private void expire(Waiter w) {
        boolean removed;
        synchronized (this) {
            removed = waiting.remove(w);
        }
        if (removed) {
            finish(w, false);
        }
    }

    private void finish(Waiter w, boolean acked) {
        Scheduler.Cancellable timer = w.timer;
        if (timer != null && acked) {
            timer.cancel();
        }
        try {
            completer.execute(() -> w.future.complete(acked));
        } catch (RejectedExecutionException e) {
            w.future.complete(acked);
        }
    }

    private static final class Waiter implements Comparable<Waiter> {
        final long offset;
        final CompletableFuture<Boolean> future;
        volatile Scheduler.Cancellable timer;

        Waiter(long offset, CompletableFuture<Boolean> future) {
            this.offset = offset;
            this.future = future;
        }

        @Override
        public int compareTo(Waiter o) {
            return Long.compare(offset, o.offset);
        }
    }
}
