package org.relaymq.runtime.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.relaymq.runtime.common.time.ManualClock;

class AckWaitersTest {

    private final ManualClock clock = new ManualClock();
    private final AckWaiters waiters = new AckWaiters(clock, Runnable::run);

    @Test
    void completesTrueOnceAnAckReachesTheOffset() {
        CompletableFuture<Boolean> a = waiters.await(100, Duration.ofSeconds(3));
        CompletableFuture<Boolean> b = waiters.await(200, Duration.ofSeconds(3));
        waiters.onAck(150);
        assertThat(a).isCompletedWithValue(true);
        assertThat(b).isNotDone();
        waiters.onAck(200);
        assertThat(b).isCompletedWithValue(true);
        assertThat(waiters.pending()).isZero();
        assertThat(waiters.await(120, Duration.ofSeconds(1))).isCompletedWithValue(true);
    }

    @Test
    void completesFalseWhenTheTimeoutPassesFirst() {
        CompletableFuture<Boolean> a = waiters.await(100, Duration.ofSeconds(3));
        clock.advance(Duration.ofMillis(2999));
        assertThat(a).isNotDone();
        clock.advance(Duration.ofMillis(1));
        assertThat(a).isCompletedWithValue(false);
        waiters.onAck(500);
        assertThat(a).isCompletedWithValue(false);
    }

    @Test
    void closeFailsEveryWait() {
        CompletableFuture<Boolean> a = waiters.await(100, Duration.ofSeconds(3));
        waiters.close();
        assertThat(a).isCompletedWithValue(false);
        assertThat(waiters.await(100, Duration.ofSeconds(3))).isCompletedWithValue(false);
    }
}
