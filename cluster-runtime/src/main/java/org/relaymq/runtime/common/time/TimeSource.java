package org.relaymq.runtime.common.time;

/**
 * The clock every timer reads. Wall time for stored timestamps and event envelopes; monotonic time
 * for durations (idle times, expiry, timeouts).
 */
public interface TimeSource {

    /** Milliseconds since the epoch. */
    long wallMillis();

    /** Monotonic nanoseconds, only meaningful as a difference. */
    long nanoTime();

    /** Monotonic milliseconds, only meaningful as a difference. */
    default long monotonicMillis() {
        return nanoTime() / 1_000_000L;
    }

    static TimeSource system() {
        return SystemTimeSource.INSTANCE;
    }
}
