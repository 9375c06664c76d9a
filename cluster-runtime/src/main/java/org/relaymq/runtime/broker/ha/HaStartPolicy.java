package org.relaymq.runtime.broker.ha;

/**
 * Where the master starts streaming to a slave that reports offset 0 (an empty slave). A slave that reports
 * a non-zero offset always resumes exactly there. Either start is a segment start, which an empty slave
 * store accepts as its first append.
 */
public enum HaStartPolicy {
    /** Apache RocketMQ's rule: the start of the master's last commit-log segment (max offset rounded down). */
    LAST_SEGMENT,
    /** Everything the master still has: from {@code commitLogMinOffset} (the slave mirrors the whole log). */
    MIN_OFFSET;

    /** The offset to stream from for a slave reporting {@code reported}. */
    long startFor(long reported, long masterMin, long masterMax, int segmentSize) {
        if (reported != 0 || masterMax == 0) {
            return reported;
        }
        return switch (this) {
            case LAST_SEGMENT -> Math.max(masterMin, masterMax - masterMax % segmentSize);
            case MIN_OFFSET -> masterMin;
        };
    }
}
