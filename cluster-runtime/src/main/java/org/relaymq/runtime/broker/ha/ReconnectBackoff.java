package org.relaymq.runtime.broker.ha;

import java.time.Duration;

/** Reconnect delays of the slave: min, then doubling up to max; reset once a link carried data. Not thread-safe. */
final class ReconnectBackoff {

    private final Duration min;
    private final Duration max;
    private Duration next;

    ReconnectBackoff(Duration min, Duration max) {
        this.min = min;
        this.max = max;
        this.next = min;
    }

    /** The delay before the next attempt; the one after it is doubled. */
    Duration next() {
        Duration d = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return d;
    }

    void reset() {
        next = min;
    }
}
