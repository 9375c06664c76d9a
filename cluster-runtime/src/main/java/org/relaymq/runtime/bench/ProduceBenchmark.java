package org.relaymq.runtime.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.SendCallback;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.producer.RelayProducer;

/** Sends as fast as it can from N threads for a while and reports throughput and latency percentiles. */
public final class ProduceBenchmark {

    /** How sends are made. */
    public enum Mode { SYNC, ASYNC, ONEWAY }

    /** What a run measured. */
    public record Result(Mode mode, int threads, int size, long sent, long failed, Duration elapsed,
                         LatencyStats latency) {
        public double perSecond() {
            return sent * 1_000_000_000.0 / Math.max(1, elapsed.toNanos());
        }

        public String report() {
            return String.format("produce %s threads=%d size=%dB: %,.0f msg/s (%d sent, %d failed in %.1f s)%s",
                    mode, threads, size, perSecond(), sent, failed, elapsed.toMillis() / 1000.0,
                    mode == Mode.ONEWAY ? "" : "\n  latency " + latency.summary());
        }
    }

    /**
     * Async sends the benchmark keeps in flight. Now that async sends are really on the wire at once, a deeper
     * window only adds queueing latency (10,000 at ~10k msg/s is a second per send) and, on a loaded machine,
     * pushes sends past their 3 s timeout; 1,000 is plenty to keep the connection busy.
     */
    private static final int ASYNC_IN_FLIGHT = 1_000;

    private final RelayProducer producer;
    private final String topic;
    private final Mode mode;
    private final int threads;
    private final byte[] body;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final LatencyStats latency = new LatencyStats();
    private final Semaphore inFlight = new Semaphore(ASYNC_IN_FLIGHT);
    private volatile boolean running = true;

    public ProduceBenchmark(RelayProducer producer, String topic, Mode mode, int threads, int size) {
        this.producer = producer;
        this.topic = topic;
        this.mode = mode;
        this.threads = threads;
        this.body = new byte[size];
    }

    /** Runs for {@code duration} (after the caller's warm-up) and returns the figures. */
    public Result run(Duration duration) throws InterruptedException {
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "bench-produce-" + i);
            t.start();
            workers.add(t);
        }
        long deadline = start + duration.toNanos();
        for (Thread t : workers) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        }
        running = false;
        for (Thread t : workers) {
            t.join();
        }
        inFlight.tryAcquire(ASYNC_IN_FLIGHT, 10, TimeUnit.SECONDS);
        return new Result(mode, threads, body.length, sent.get(), failed.get(),
                Duration.ofNanos(System.nanoTime() - start), latency);
    }

    private void loop() {
        while (running) {
            long t0 = System.nanoTime();
            try {
                switch (mode) {
                    case SYNC -> {
                        producer.send(new Message(topic, body));
                        done(t0);
                    }
                    case ONEWAY -> {
                        producer.sendOneway(new Message(topic, body));
                        sent.incrementAndGet();
                    }
                    case ASYNC -> sendAsync(t0);
                }
            } catch (Exception e) {
                failed.incrementAndGet();
            }
        }
    }

    private void sendAsync(long t0) throws InterruptedException {
        inFlight.acquire();
        producer.send(new Message(topic, body), new SendCallback() {
            @Override
            public void onSuccess(SendResult result) {
                inFlight.release();
                done(t0);
            }

            @Override
            public void onException(Throwable error) {
                inFlight.release();
                failed.incrementAndGet();
            }
        });
    }

    private void done(long t0) {
        sent.incrementAndGet();
        latency.recordMicros((System.nanoTime() - t0) / 1000);
    }
}
