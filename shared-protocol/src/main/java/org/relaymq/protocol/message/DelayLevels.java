package org.relaymq.protocol.message;

import java.util.Arrays;

/**
 * The broker's delay levels (protocol.md §6.3), parsed from {@code messageDelayLevel}: level 1 is the
 * first token. Levels above the maximum are clamped to it. Immutable.
 */
public final class DelayLevels {

    public static final String DEFAULT_LEVELS = "1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h";
    /** The delay level of the first retry; retry n (0-based reconsumeTimes) uses level 3 + n. */
    public static final int FIRST_RETRY_LEVEL = 3;

    private final long[] millis;

    private DelayLevels(long[] millis) {
        this.millis = millis;
    }

    public static DelayLevels defaults() {
        return parse(DEFAULT_LEVELS);
    }

    /**
     * Parses space-separated durations with unit {@code s}, {@code m}, {@code h} or {@code d}.
     *
     * @throws IllegalArgumentException for an empty list or a token that is not a positive duration
     */
    public static DelayLevels parse(String levels) {
        if (levels == null || levels.isBlank()) {
            throw new IllegalArgumentException("messageDelayLevel is empty");
        }
        String[] tokens = levels.trim().split("\\s+");
        long[] millis = new long[tokens.length];
        for (int i = 0; i < tokens.length; i++) {
            millis[i] = parseToken(tokens[i]);
        }
        return new DelayLevels(millis);
    }

    private static long parseToken(String token) {
        char unit = token.charAt(token.length() - 1);
        long unitMillis = switch (unit) {
            case 's' -> 1_000L;
            case 'm' -> 60_000L;
            case 'h' -> 3_600_000L;
            case 'd' -> 86_400_000L;
            default -> throw new IllegalArgumentException("delay level '" + token + "' has no unit s/m/h/d");
        };
        try {
            long value = Long.parseLong(token.substring(0, token.length() - 1));
            if (value <= 0) {
                throw new IllegalArgumentException("delay level '" + token + "' must be positive");
            }
            return Math.multiplyExact(value, unitMillis);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("delay level '" + token + "' is not a duration", e);
        }
    }

    public int maxLevel() {
        return millis.length;
    }

    /** {@code level} clamped to {@code [1, maxLevel]}. */
    public int clamp(int level) {
        return Math.max(1, Math.min(level, millis.length));
    }

    /** The delay of a level (clamped). */
    public long delayMillis(int level) {
        return millis[clamp(level) - 1];
    }

    /** When a message stored at {@code storeTimestamp} with {@code level} is due. */
    public long deliverTimestamp(long storeTimestamp, int level) {
        return storeTimestamp + delayMillis(level);
    }

    /** The SCHEDULE_TOPIC_XXXX queue of a (clamped) level: level − 1. */
    public int queueIdOf(int level) {
        return clamp(level) - 1;
    }

    /** The level whose messages wait in SCHEDULE_TOPIC_XXXX queue {@code queueId}. */
    public static int levelOfQueueId(int queueId) {
        return queueId + 1;
    }

    /** The delay level of a consume-failure retry: {@code 3 + reconsumeTimes}. */
    public static int retryLevel(int reconsumeTimes) {
        return FIRST_RETRY_LEVEL + reconsumeTimes;
    }

    /** Millis per level, index 0 = level 1. */
    public long[] toMillisArray() {
        return millis.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DelayLevels d && Arrays.equals(millis, d.millis);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(millis);
    }

    @Override
    public String toString() {
        return "DelayLevels" + Arrays.toString(millis);
    }
}
