package org.relaymq.runtime.common.concurrent;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** Bounded pools with named threads, and an orderly way to close them. */
public final class Executors2 {

    private Executors2() {
    }

    /**
     * A fixed pool of {@code threads} daemon threads named {@code <name>-<n>} with a queue of
     * {@code queueCapacity}; a full queue rejects ({@link java.util.concurrent.RejectedExecutionException}).
     */
    public static ThreadPoolExecutor fixedBounded(String name, int threads, int queueCapacity) {
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queueCapacity), new NamedThreadFactory(name, true),
                new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Stops accepting work, lets queued work finish for up to {@code grace}, then interrupts what
     * is left. Returns true if the pool terminated.
     */
    public static boolean shutdownAndAwait(ExecutorService executor, Duration grace) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            executor.shutdownNow();
            return executor.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
