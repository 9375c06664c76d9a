package org.relaymq.runtime.broker.offset;

import java.time.Duration;
import java.util.Objects;
import org.relaymq.runtime.common.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes a dirty in-memory table every {@code interval} on the scheduler and once more at close. */
final class PeriodicPersistence implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PeriodicPersistence.class);

    private final Runnable persistIfDirty;
    private final String what;
    private Scheduler.Cancellable task;
    private boolean closed;

    PeriodicPersistence(String what, Runnable persistIfDirty) {
        this.what = what;
        this.persistIfDirty = Objects.requireNonNull(persistIfDirty, "persistIfDirty");
    }

    synchronized void start(Scheduler scheduler, Duration interval) {
        if (task != null || closed) {
            return;
        }
        task = scheduler.scheduleWithFixedDelay(this::runGuarded, interval, interval);
    }

    private void runGuarded() {
        try {
            persistIfDirty.run();
        } catch (RuntimeException e) {
            LOG.error("cannot persist {}", what, e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (task != null) {
                task.cancel();
            }
        }
        runGuarded();
    }
}
