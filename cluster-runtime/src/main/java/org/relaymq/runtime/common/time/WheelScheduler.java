package org.relaymq.runtime.common.time;

import io.netty.util.HashedWheelTimer;
import io.netty.util.Timeout;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scheduler} on a hashed timer wheel with a 10 ms tick: scheduling and cancelling cost O(1) and take
 * no lock, where a {@link ExecutorScheduler} keeps a heap under a lock. Made for many short-lived timers that
 * are nearly always cancelled — one per request in flight, for its timeout — and tasks may run up to a tick
 * late. One daemon thread; tasks must be short.
 */
public final class WheelScheduler implements Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(WheelScheduler.class);
    private static final long TICK_MILLIS = 10;

    private final HashedWheelTimer wheel;
    private final AtomicBoolean closed = new AtomicBoolean();

    public WheelScheduler(String threadName) {
        AtomicInteger n = new AtomicInteger();
        this.wheel = new HashedWheelTimer(r -> {
            Thread t = new Thread(r, threadName + (n.getAndIncrement() == 0 ? "" : "-" + n.get()));
            t.setDaemon(true);
            return t;
        }, TICK_MILLIS, TimeUnit.MILLISECONDS, 512);
    }

    @Override
    public Cancellable schedule(Runnable task, Duration delay) {
        return handle(wheel.newTimeout(t -> run(task), delay.toNanos(), TimeUnit.NANOSECONDS));
    }

    @Override
    public Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration period) {
        Periodic p = new Periodic(task, period);
        p.arm(initialDelay);
        return p;
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            wheel.stop();
        }
    }

    private static void run(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.error("scheduled task failed", e);
        }
    }

    private static Cancellable handle(Timeout timeout) {
        return new Cancellable() {
            @Override
            public boolean cancel() {
                return timeout.cancel();
            }

            @Override
            public boolean isCancelled() {
                return timeout.isCancelled();
            }
        };
    }

    /** Re-arms itself after each run until cancelled. */
    private final class Periodic implements Cancellable {
        private final Runnable task;
        private final Duration period;
        private final AtomicBoolean cancelled = new AtomicBoolean();
        private volatile Timeout current;

        Periodic(Runnable task, Duration period) {
            this.task = task;
            this.period = period;
        }

        void arm(Duration delay) {
            if (cancelled.get() || closed.get()) {
                return;
            }
            try {
                current = wheel.newTimeout(t -> {
                    if (!cancelled.get()) {
                        run(task);
                        arm(period);
                    }
                }, delay.toNanos(), TimeUnit.NANOSECONDS);
            } catch (IllegalStateException stopped) {
                // the wheel was stopped meanwhile: nothing more to run
            }
        }

        @Override
        public boolean cancel() {
            if (!cancelled.compareAndSet(false, true)) {
                return false;
            }
            Timeout t = current;
            if (t != null) {
                t.cancel();
            }
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled.get();
        }
    }
}
