package org.relaymq.runtime.broker.messaging;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the broker's message handlers and services that {@code BrokerConfig} does not carry.
 * Immutable; {@link #defaults()} gives Apache's 4.9 behaviour, tests shrink the sizes and times.
 *
 * @param slaveReadEnable        when true, pulls suggest a slave (brokerId 1) to consumers lagging by more than
 *                               {@code consumeSlowlyLagBytes}; default false (suggestion is always 0)
 * @param consumeSlowlyLagBytes  commit-log bytes behind the end above which a consumer counts as slow;
 *                               default 40% of physical memory ({@code accessMessageInMemoryMaxRatio})
 * @param hotDataBytes           QUERY_CONSUMER_OFFSET answers 0 for a new group when the queue's first message
 *                               has fewer than this many commit-log bytes after it (it is still "hot");
 *                               default 40% of physical memory
 * @param maxPullMessages        cap on a pull's maxMsgNums; default 32
 * @param maxPullBytes           cap on a pull response body (the first record is always taken); default 256 KiB
 * @param longPollingEnable      hold pulls that found nothing; default true. When false a pull is held for
 *                               {@code shortPollingTime} instead of its suspend time
 * @param shortPollingTime       hold time without long polling; default 1 s
 * @param maxSuspendTime         longest hold whatever the client asks, below the client's 30 s call timeout;
 *                               default 25 s
 * @param holdSweepInterval      how often held pulls are checked (closed connections, missed arrivals); 5 s
 * @param delayTickInterval      how often the delay service looks for due messages; default 100 ms
 * @param statsInterval          period of STORE_STATS events; default 1 s
 * @param maxQueryMessages       cap on QUERY_MESSAGE results; default 64 (UNIQ_KEY queries use 32)
 * @param waitTimeInSendQueue    a send that waited longer in the send queue is answered SYSTEM_BUSY
 *                               ({@code waitTimeMillsInSendQueue}); default 200 ms
 */
public record MessagingConfig(boolean slaveReadEnable, long consumeSlowlyLagBytes, long hotDataBytes,
                              int maxPullMessages, int maxPullBytes, boolean longPollingEnable,
                              Duration shortPollingTime, Duration maxSuspendTime, Duration holdSweepInterval,
                              Duration delayTickInterval, Duration statsInterval, int maxQueryMessages,
                              Duration waitTimeInSendQueue) {

    public static final int UNIQUE_KEY_QUERY_MAX = 32;
    private static final double IN_MEMORY_RATIO = 0.40;
    private static final long FALLBACK_MEMORY = 8L * 1024 * 1024 * 1024;

    public MessagingConfig {
        Objects.requireNonNull(shortPollingTime, "shortPollingTime");
        Objects.requireNonNull(maxSuspendTime, "maxSuspendTime");
        Objects.requireNonNull(holdSweepInterval, "holdSweepInterval");
        Objects.requireNonNull(delayTickInterval, "delayTickInterval");
        Objects.requireNonNull(statsInterval, "statsInterval");
        if (maxPullMessages < 1 || maxPullBytes < 1 || maxQueryMessages < 1 || consumeSlowlyLagBytes < 0
                || hotDataBytes < 0) {
            throw new IllegalArgumentException("pull/query caps must be >= 1 and byte thresholds >= 0");
        }
        Objects.requireNonNull(waitTimeInSendQueue, "waitTimeInSendQueue");
        for (Duration d : new Duration[] {shortPollingTime, maxSuspendTime, holdSweepInterval, delayTickInterval,
                statsInterval, waitTimeInSendQueue}) {
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("durations must be positive: " + d);
            }
        }
    }

    public static MessagingConfig defaults() {
        long inMemory = (long) (physicalMemory() * IN_MEMORY_RATIO);
        return new MessagingConfig(false, inMemory, inMemory, 32, 256 * 1024, true, Duration.ofSeconds(1),
                Duration.ofSeconds(25), Duration.ofSeconds(5), Duration.ofMillis(100), Duration.ofSeconds(1), 64,
                Duration.ofMillis(200));
    }

    public MessagingConfig withSlaveRead(boolean enable, long lagBytes) {
        return new MessagingConfig(enable, lagBytes, hotDataBytes, maxPullMessages, maxPullBytes, longPollingEnable,
                shortPollingTime, maxSuspendTime, holdSweepInterval, delayTickInterval, statsInterval,
                maxQueryMessages, waitTimeInSendQueue);
    }

    public MessagingConfig withHotDataBytes(long bytes) {
        return new MessagingConfig(slaveReadEnable, consumeSlowlyLagBytes, bytes, maxPullMessages, maxPullBytes,
                longPollingEnable, shortPollingTime, maxSuspendTime, holdSweepInterval, delayTickInterval,
                statsInterval, maxQueryMessages, waitTimeInSendQueue);
    }

    public MessagingConfig withLongPolling(boolean enable, Duration shortPolling, Duration maxSuspend) {
        return new MessagingConfig(slaveReadEnable, consumeSlowlyLagBytes, hotDataBytes, maxPullMessages,
                maxPullBytes, enable, shortPolling, maxSuspend, holdSweepInterval, delayTickInterval, statsInterval,
                maxQueryMessages, waitTimeInSendQueue);
    }

    public MessagingConfig withPullCaps(int messages, int bytes) {
        return new MessagingConfig(slaveReadEnable, consumeSlowlyLagBytes, hotDataBytes, messages, bytes,
                longPollingEnable, shortPollingTime, maxSuspendTime, holdSweepInterval, delayTickInterval,
                statsInterval, maxQueryMessages, waitTimeInSendQueue);
    }

    /** How long a pull that asked for {@code suspendTimeoutMillis} is held. */
    public long holdMillis(long suspendTimeoutMillis) {
        if (!longPollingEnable) {
            return shortPollingTime.toMillis();
        }
        return Math.max(0, Math.min(suspendTimeoutMillis, maxSuspendTime.toMillis()));
    }

    private static long physicalMemory() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            long total = os.getTotalMemorySize();
            return total > 0 ? total : FALLBACK_MEMORY;
        }
        return FALLBACK_MEMORY;
    }

    public MessagingConfig withWaitTimeInSendQueue(Duration wait) {
        return new MessagingConfig(slaveReadEnable, consumeSlowlyLagBytes, hotDataBytes, maxPullMessages, maxPullBytes,
                longPollingEnable, shortPollingTime, maxSuspendTime, holdSweepInterval, delayTickInterval,
                statsInterval, maxQueryMessages, wait);
    }
}
