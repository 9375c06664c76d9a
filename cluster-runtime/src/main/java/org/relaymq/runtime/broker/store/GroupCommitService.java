package org.relaymq.runtime.broker.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.relaymq.runtime.common.concurrent.NamedThreadFactory;
import org.relaymq.runtime.common.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SYNC_FLUSH group commit: one thread takes every pending request, forces the commit log once, and
 * completes all requests the force covered, so many concurrent puts share one {@code force()}. A request
 * not covered within the timeout (measured on the injected scheduler) completes with false. Puts that do
 * not wait ({@code WAIT=false}) only {@link #wakeup()} the thread: their records are forced just as soon,
 * with nobody waiting for it.
 */
final class GroupCommitService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitService.class);

    private final CommitLog commitLog;
    private final Scheduler scheduler;
    private final Duration timeout;
    private final Thread thread;
    private final Object monitor = new Object();
    private List<Request> pending = new ArrayList<>();
    private boolean flushWanted;
    private volatile boolean stopped;
    private volatile long forceCount;

    private record Request(long nextOffset, CompletableFuture<Boolean> done) {
    }

    GroupCommitService(CommitLog commitLog, Scheduler scheduler, Duration timeout, String name) {
        this.commitLog = commitLog;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.thread = new NamedThreadFactory(name, true).newThread(this::run);
    }

    void start() {
        thread.start();
    }

    long forceCount() {
        return forceCount;
    }

    /** Asks for a force without waiting for it (a put with {@code WAIT=false}). */
    void wakeup() {
        synchronized (monitor) {
            flushWanted = true;
            monitor.notifyAll();
        }
    }

    /** Completes with true once the commit log is forced up to {@code nextOffset}, false on timeout. */
    CompletableFuture<Boolean> request(long nextOffset) {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        if (commitLog.flushedOffset() >= nextOffset) {
            done.complete(true);
            return done;
        }
        Scheduler.Cancellable timer = scheduler.schedule(() -> done.complete(false), timeout);
        done.whenComplete((ok, e) -> timer.cancel());
        synchronized (monitor) {
            if (stopped) {
                done.complete(false);
                return done;
            }
            pending.add(new Request(nextOffset, done));
            monitor.notifyAll();
        }
        return done;
    }

    private void run() {
        while (!stopped) {
            List<Request> batch;
            synchronized (monitor) {
                while (pending.isEmpty() && !flushWanted && !stopped) {
                    try {
                        monitor.wait();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
                if (stopped) {
                    return; // close() commits what is pending
                }
                batch = pending;
                pending = new ArrayList<>();
                flushWanted = false;
            }
            commitBatch(batch);
        }
    }

    private void commitBatch(List<Request> batch) {
        try {
            long flushed = commitLog.flush();
            forceCount++;
            for (Request r : batch) {
                r.done().complete(flushed >= r.nextOffset());
            }
        } catch (RuntimeException e) {
            LOG.error("group commit failed", e);
            batch.forEach(r -> r.done().complete(false));
        }
    }

    @Override
    public void close() {
        List<Request> rest;
        synchronized (monitor) {
            stopped = true;
            monitor.notifyAll();
            rest = pending;
            pending = new ArrayList<>();
        }
        try {
            thread.join(timeout.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!rest.isEmpty()) {
            commitBatch(rest);
        }
    }
}
