package org.relaymq.runtime.common.time;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * A fake clock that is also a fake scheduler: time moves only when a test calls {@link #advance},
 * and every task that falls due on the way runs, in time order, on the calling thread.
 */
public final class ManualClock implements TimeSource, Scheduler {

    private final PriorityQueue<Task> tasks = new PriorityQueue<>();
    private long nanos;
    private final long wallOffsetMillis;
    private long sequence;
    private boolean closed;

    /** Starts at wall time 2023-11-14T22:13:20Z (1,700,000,000,000 ms) and monotonic 0. */
    public ManualClock() {
        this(1_700_000_000_000L);
    }

    public ManualClock(long startWallMillis) {
        this.wallOffsetMillis = startWallMillis;
    }

    @Override
    public synchronized long wallMillis() {
        return wallOffsetMillis + nanos / 1_000_000L;
    }

    @Override
    public synchronized long nanoTime() {
        return nanos;
    }

    /** Moves time forward, running every task due up to the new time (tasks may schedule more). */
    public void advance(Duration d) {
        if (d.isNegative()) {
            throw new IllegalArgumentException("time does not go back: " + d);
        }
        long target;
        synchronized (this) {
            target = nanos + d.toNanos();
        }
        while (true) {
            Task next;
            synchronized (this) {
                next = tasks.peek();
                if (next == null || next.dueNanos > target || closed) {
                    nanos = target;
                    return;
                }
                tasks.poll();
                nanos = Math.max(nanos, next.dueNanos);
            }
            next.run();
        }
    }

    public void advanceMillis(long millis) {
        advance(Duration.ofMillis(millis));
    }

    /** Runs tasks already due without moving time. */
    public void runDue() {
        advance(Duration.ZERO);
    }

    /** Number of scheduled (not cancelled) tasks. */
    public synchronized int pendingTasks() {
        return (int) tasks.stream().filter(t -> !t.cancelled).count();
    }

    @Override
    public synchronized Cancellable schedule(Runnable task, Duration delay) {
        Task t = new Task(task, nanos + Math.max(0, delay.toNanos()), 0, sequence++);
        tasks.add(t);
        return t;
    }

    @Override
    public synchronized Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration period) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("period must be positive: " + period);
        }
        Task t = new Task(task, nanos + Math.max(0, initialDelay.toNanos()), period.toNanos(), sequence++);
        tasks.add(t);
        return t;
    }

    @Override
    public synchronized void close() {
        closed = true;
        tasks.clear();
    }

    /** Snapshot of due times (monotonic nanos) of pending tasks, for assertions. */
    public synchronized List<Long> pendingDueNanos() {
        List<Long> due = new ArrayList<>();
        for (Task t : tasks) {
            if (!t.cancelled) {
                due.add(t.dueNanos);
            }
        }
        due.sort(Long::compare);
        return due;
    }

    private final class Task implements Cancellable, Comparable<Task> {
        private final Runnable body;
        private long dueNanos;
        private final long periodNanos;
        private final long seq;
        private volatile boolean cancelled;
        private volatile boolean done;

        Task(Runnable body, long dueNanos, long periodNanos, long seq) {
            this.body = body;
            this.dueNanos = dueNanos;
            this.periodNanos = periodNanos;
            this.seq = seq;
        }

        void run() {
            if (cancelled) {
                return;
            }
            body.run();
            if (periodNanos > 0 && !cancelled) {
                synchronized (ManualClock.this) {
                    dueNanos = nanos + periodNanos;
                    tasks.add(this);
                }
            } else {
                done = true;
            }
        }

        @Override
        public boolean cancel() {
            synchronized (ManualClock.this) {
                if (cancelled || done) {
                    return false;
                }
                cancelled = true;
                tasks.remove(this);
                return true;
            }
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public int compareTo(Task o) {
            int c = Long.compare(dueNanos, o.dueNanos);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
