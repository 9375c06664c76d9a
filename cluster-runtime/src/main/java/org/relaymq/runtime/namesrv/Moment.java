package org.relaymq.runtime.namesrv;

import org.relaymq.runtime.common.time.TimeSource;

/**
 * One reading of the clock, passed into the pure route state: monotonic millis for idle times and
 * expiry, wall millis for what is stored and shown.
 */
public record Moment(long monotonicMillis, long wallMillis) {

    public static Moment of(TimeSource time) {
        return new Moment(time.monotonicMillis(), time.wallMillis());
    }

    /** The wall time at which something {@code idleMillis} old plus {@code afterMillis} happens. */
    public long wallAfter(long idleMillis, long afterMillis) {
        return wallMillis - idleMillis + afterMillis;
    }
}
