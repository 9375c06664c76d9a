package org.relaymq.runtime.common.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The wheel on real time (it is the production timer; the manual clock replaces it in logic tests): tasks run,
 * cancelled ones do not, periodic ones repeat until cancelled, a throwing task does not stop the wheel, and
 * close ends its thread. Waits are on latches of later tasks, never sleeps.
 */
class WheelSchedulerTest {

    @Test
    void runsTasksSkipsCancelledOnesAndSurvivesAThrowingOne() throws Exception {
        try (WheelScheduler wheel = new WheelScheduler("wheel-test-a")) {
            AtomicBoolean cancelledRan = new AtomicBoolean();
            CountDownLatch later = new CountDownLatch(1);
            wheel.schedule(() -> {
                throw new IllegalStateException("boom");
            }, Duration.ofMillis(10));
            Scheduler.Cancellable cancelled = wheel.schedule(() -> cancelledRan.set(true), Duration.ofMillis(50));
            assertThat(cancelled.cancel()).isTrue();
            assertThat(cancelled.isCancelled()).isTrue();
            wheel.schedule(later::countDown, Duration.ofMillis(150));

            assertThat(later.await(5, TimeUnit.SECONDS)).as("a task after a throwing one still runs").isTrue();
            assertThat(cancelledRan).as("the cancelled task, due before the one that ran").isFalse();
        }
    }

    @Test
    void periodicTaskRepeatsUntilCancelled() throws Exception {
        try (WheelScheduler wheel = new WheelScheduler("wheel-test-b")) {
            AtomicInteger runs = new AtomicInteger();
            CountDownLatch three = new CountDownLatch(3);
            Scheduler.Cancellable periodic = wheel.scheduleWithFixedDelay(() -> {
                runs.incrementAndGet();
                three.countDown();
            }, Duration.ofMillis(10), Duration.ofMillis(20));
            assertThat(three.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(periodic.cancel()).isTrue();
            int afterCancel = runs.get();
            CountDownLatch later = new CountDownLatch(1);
            wheel.schedule(later::countDown, Duration.ofMillis(200));
            assertThat(later.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(runs.get()).as("runs after cancel (one may have been running)").isLessThanOrEqualTo(afterCancel + 1);
        }
    }

    @Test
    void closeEndsTheThread() {
        WheelScheduler wheel = new WheelScheduler("wheel-test-c");
        wheel.schedule(() -> { }, Duration.ofMillis(1));
        wheel.close();
        wheel.close();
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("wheel-test-c")
                && t.isAlive());
    }
}
