package org.relaymq.runtime.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relaymq.runtime.common.time.ManualClock;

/** The pure pieces: backoff, start position, lag estimate. */
class HaTimingUnitsTest {

    @Test
    void backoffDoublesUpToTheMaxAndResets() {
        ReconnectBackoff b = new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(5));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(4));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(5));
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(5));
        b.reset();
        assertThat(b.next()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void emptySlaveStartsAtTheLastSegmentOrTheMinOffset() {
        int seg = 1000;
        assertThat(HaStartPolicy.LAST_SEGMENT.startFor(0, 0, 3500, seg)).isEqualTo(3000);
        assertThat(HaStartPolicy.LAST_SEGMENT.startFor(0, 0, 3000, seg)).isEqualTo(3000);
        assertThat(HaStartPolicy.MIN_OFFSET.startFor(0, 1000, 3500, seg)).isEqualTo(1000);
        assertThat(HaStartPolicy.LAST_SEGMENT.startFor(0, 0, 0, seg)).isZero();
        assertThat(HaStartPolicy.LAST_SEGMENT.startFor(1234, 0, 3500, seg)).isEqualTo(1234);
        assertThat(HaStartPolicy.MIN_OFFSET.startFor(1234, 1000, 3500, seg)).isEqualTo(1234);
    }

    @Test
    void lagIsTheAgeOfTheOldestUnacknowledgedSample() {
        ManualClock clock = new ManualClock();
        LagClock lag = new LagClock();
        lag.record(clock.nanoTime(), 100);
        clock.advanceMillis(1000);
        lag.record(clock.nanoTime(), 200);
        clock.advanceMillis(1000);
        lag.record(clock.nanoTime(), 200);
        assertThat(lag.lagMillis(clock.nanoTime(), 200)).isZero();
        assertThat(lag.lagMillis(clock.nanoTime(), 150)).isEqualTo(1000);
        assertThat(lag.lagMillis(clock.nanoTime(), 50)).isEqualTo(2000);
        lag.forgetUpTo(150);
        assertThat(lag.lagMillis(clock.nanoTime(), 50)).isEqualTo(1000);
    }
}
