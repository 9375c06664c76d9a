package org.relaymq.runtime.common.time;

import java.time.Duration;

/**
 * Runs tasks later. Every timer in RelayMQ goes through one of these, so tests drive time with
 * a manual clock instead of sleeping. Tasks must be short: hand real work to an executor.
 */
public interface Scheduler extends AutoCloseable {

    /** Runs {@code task} once after {@code delay}. */
    Cancellable schedule(Runnable task, Duration delay);

    /** Runs {@code task} after {@code initialDelay}, then every {@code period} after each run ends. */
    Cancellable scheduleWithFixedDelay(Runnable task, Duration initialDelay, Duration period);

    /** Stops running tasks; idempotent. */
    @Override
    void close();

    /** A handle to a scheduled task. */
    interface Cancellable {
        /** Cancels the task; idempotent. Returns false if it had already run (one-shot) or was cancelled. */
        boolean cancel();

        boolean isCancelled();
    }
}
