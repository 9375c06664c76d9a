package org.relaymq.runtime.bench;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;

/** Consumes with a push consumer for a while and reports throughput and end-to-end latency. */
public final class ConsumeBenchmark {

    /** What a run measured. */
    public record Result(long consumed, Duration elapsed, LatencyStats endToEnd) {
        public double perSecond() {
            return consumed * 1_000_000_000.0 / Math.max(1, elapsed.toNanos());
        }

        public String report() {
            return String.format("consume: %,.0f msg/s (%d in %.1f s)%n  born-to-consumed %s", perSecond(), consumed,
                    elapsed.toMillis() / 1000.0, endToEnd.summary());
        }
    }

    private final AtomicLong consumed = new AtomicLong();
    private final LatencyStats endToEnd = new LatencyStats();

    /** Registers the counting listener; call before {@code consumer.start()}. */
    public ConsumeBenchmark attach(RelayPushConsumer consumer) {
        consumer.registerMessageListener((messages, queue) -> {
            long now = System.currentTimeMillis();
            messages.forEach(m -> endToEnd.recordMicros(Math.max(0, now - m.bornTimestamp()) * 1000));
            consumed.addAndGet(messages.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        return this;
    }

    /** Counts what arrives during {@code duration}. */
    public Result measure(Duration duration) throws InterruptedException {
        long before = consumed.get();
        long start = System.nanoTime();
        Thread.sleep(duration.toMillis()); // a benchmark's measuring window, not a test waiting for a timer
        return new Result(consumed.get() - before, Duration.ofNanos(System.nanoTime() - start), endToEnd);
    }
}
