package org.relaymq.runtime.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;

/** Consumes with a push consumer for a while and reports throughput and end-to-end latency. */
public final class ConsumeBenchmark {

    /** A pause this long at the end of the window means the backlog ran out. */
    static final Duration EXHAUSTED_AFTER = Duration.ofMillis(500);

    /**
     * What a run measured. When the backlog ran out inside the window, {@code elapsed} ends at the last
     * message consumed (the rate is over the time messages flowed) and {@code backlogExhausted} says so.
     */
    public record Result(long consumed, Duration elapsed, LatencyStats endToEnd, boolean backlogExhausted) {
        public double perSecond() {
            return consumed * 1_000_000_000.0 / Math.max(1, elapsed.toNanos());
        }

        public String report() {
            return String.format("consume: %,.0f msg/s (%d in %.1f s)%s%n  born-to-consumed %s", perSecond(), consumed,
                    elapsed.toMillis() / 1000.0, backlogExhausted
                            ? "; the backlog ran out: produce more messages for a full window" : "",
                    endToEnd.summary());
        }
    }

    private final AtomicLong consumed = new AtomicLong();
    private final AtomicLong lastConsumedNanos = new AtomicLong();
    private final LatencyStats endToEnd = new LatencyStats();

    /** Registers the counting listener; call before {@code consumer.start()}. */
    public ConsumeBenchmark attach(RelayPushConsumer consumer) {
        consumer.registerMessageListener((messages, queue) -> {
            long now = System.currentTimeMillis();
            messages.forEach(m -> endToEnd.recordMicros(Math.max(0, now - m.bornTimestamp()) * 1000));
            consumed.addAndGet(messages.size());
            lastConsumedNanos.set(System.nanoTime());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return this;
    }

    /** Counts what arrives during {@code duration}, after an unmeasured {@code warmup}. */
    public Result measure(Duration warmup, Duration duration) throws InterruptedException {
        Thread.sleep(warmup.toMillis()); // a benchmark's windows, not a test waiting for a timer
        endToEnd.reset();
        long before = consumed.get();
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis());
        long end = System.nanoTime();
        long n = consumed.get() - before;
        long last = lastConsumedNanos.get();
        boolean exhausted = end - last > EXHAUSTED_AFTER.toNanos();
        long elapsed = exhausted ? Math.max(0, last - start) : end - start;
        return new Result(n, Duration.ofNanos(elapsed), endToEnd, exhausted);
    }
}
