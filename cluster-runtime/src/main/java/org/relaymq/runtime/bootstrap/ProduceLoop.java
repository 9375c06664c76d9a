package org.relaymq.runtime.bootstrap;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.producer.RelayProducer;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends at a steady rate: a timer tick works out how many messages are due since the start and one sender
 * thread sends them (sync), until {@code count} messages were attempted (0 = no end).
 */
final class ProduceLoop implements AutoCloseable {

    private static final Duration TICK = Duration.ofMillis(20);
    private static final Logger LOG = LoggerFactory.getLogger(ProduceLoop.class);

    /** What to send. */
    record Spec(String topic, String tag, int rate, long count, int size, boolean keys) {
    }

    private final RelayProducer producer;
    private final Spec spec;
    private final TimeSource time;
    private final ExecutorService sender = Executors2.fixedBounded("produce-sender", 1, 1);
    private final AtomicBoolean busy = new AtomicBoolean();
    private final AtomicLong attempted = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String lastError;
    private volatile long startMillis;
    private Scheduler.Cancellable ticks;

    ProduceLoop(RelayProducer producer, Spec spec, TimeSource time) {
        this.producer = producer;
        this.spec = spec;
        this.time = time;
        this.startMillis = time.monotonicMillis();
    }

    /** Starts sending now. */
    synchronized void start(Scheduler scheduler) {
        if (ticks == null) {
            startMillis = time.monotonicMillis();
            ticks = scheduler.scheduleWithFixedDelay(this::tick, Duration.ZERO, TICK);
        }
    }

    private void tick() {
        if (done() || !busy.compareAndSet(false, true)) {
            return;
        }
        long due = (time.monotonicMillis() - startMillis) * spec.rate() / 1000 + 1;
        if (spec.count() > 0) {
            due = Math.min(due, spec.count());
        }
        long target = due;
        try {
            sender.execute(() -> sendUpTo(target));
        } catch (RuntimeException e) {
            busy.set(false);
        }
    }

    private void sendUpTo(long target) {
        try {
            while (attempted.get() < target && !sender.isShutdown()) {
                sendOne(attempted.getAndIncrement());
            }
        } finally {
            busy.set(false);
        }
    }

    private void sendOne(long n) {
        Message m = new Message(spec.topic(), spec.tag(), spec.keys() ? "key-" + n : null, body(n));
        try {
            producer.send(m);
            sent.incrementAndGet();
        } catch (ClientException e) {
            failed.incrementAndGet();
            lastError = e.getMessage();
            LOG.debug("send {} failed: {}", n, e.getMessage());
        }
    }

    private byte[] body(long n) {
        byte[] prefix = ("msg-" + n + "-").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[Math.max(spec.size(), 1)];
        Arrays.fill(body, (byte) 'x');
        System.arraycopy(prefix, 0, body, 0, Math.min(prefix.length, body.length));
        return body;
    }

    boolean done() {
        return spec.count() > 0 && attempted.get() >= spec.count() && !busy.get();
    }

    long sent() {
        return sent.get();
    }

    long failed() {
        return failed.get();
    }

    /** One line for stderr. */
    String summary() {
        long elapsed = Math.max(1, time.monotonicMillis() - startMillis);
        return String.format(Locale.ROOT, "producer %s: topic=%s sent=%d failed=%d rate=%.1f/s%s%s",
                producer.group(), spec.topic(), sent.get(), failed.get(), sent.get() * 1000.0 / elapsed,
                done() ? " done" : "", lastError != null && failed.get() > 0 ? " lastError=" + lastError : "");
    }

    @Override
    public synchronized void close() {
        if (ticks != null) {
            ticks.cancel();
        }
        Executors2.shutdownAndAwait(sender, Duration.ofSeconds(5));
    }
}
