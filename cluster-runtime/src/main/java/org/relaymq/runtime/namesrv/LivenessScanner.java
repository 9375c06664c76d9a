package org.relaymq.runtime.namesrv;

import java.util.List;
import java.util.Objects;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * Runs {@link RouteState#scanExpired} every {@code scanInterval} on the injected scheduler, reading
 * the injected clock. It only drives the pure state; the expiry rule lives in {@link BrokerLiveInfo}.
 */
public final class LivenessScanner implements AutoCloseable {

    private final RouteState state;
    private final TimeSource time;
    private final Scheduler scheduler;
    private Scheduler.Cancellable task;

    public LivenessScanner(RouteState state, TimeSource time, Scheduler scheduler) {
        this.state = Objects.requireNonNull(state, "state");
        this.time = Objects.requireNonNull(time, "time");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    /** First scan one interval from now, then every interval. Idempotent. */
    public synchronized LivenessScanner start() {
        if (task == null) {
            var every = state.config().scanInterval();
            task = scheduler.scheduleWithFixedDelay(this::scanNow, every, every);
        }
        return this;
    }

    /** One scan at the current time. */
    public List<RemovedBroker> scanNow() {
        return state.scanExpired(Moment.of(time));
    }

    /** Stops scanning. Idempotent. */
    @Override
    public synchronized void close() {
        if (task != null) {
            task.cancel();
        }
    }
}
