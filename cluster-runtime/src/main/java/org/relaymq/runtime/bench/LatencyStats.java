package org.relaymq.runtime.bench;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Latencies in microseconds, kept in a log-linear histogram (about 1% resolution) so recording is
 * lock-free and memory is fixed however long a benchmark runs.
 */
public final class LatencyStats {

    private static final int SUB_BUCKETS = 128;
    private static final int MAGNITUDES = 40;

    private final AtomicLongArray counts = new AtomicLongArray(SUB_BUCKETS * MAGNITUDES);

    public void recordMicros(long micros) {
        counts.incrementAndGet(index(Math.max(0, micros)));
    }

    /** Forgets every sample (e.g. those of a warm-up). */
    public void reset() {
        for (int i = 0; i < counts.length(); i++) {
            counts.set(i, 0);
        }
    }

    public long count() {
        long n = 0;
        for (int i = 0; i < counts.length(); i++) {
            n += counts.get(i);
        }
        return n;
    }

    /** The latency (µs, bucket upper bound) below which {@code quantile} of the samples fall; 0 if empty. */
    public long percentile(double quantile) {
        long total = count();
        if (total == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(quantile * total);
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= Math.max(1, rank)) {
                return upperBound(i);
            }
        }
        return upperBound(counts.length() - 1);
    }

    public String summary() {
        long[] q = Arrays.stream(new double[] {0.5, 0.9, 0.99, 0.999, 1.0}).mapToLong(this::percentile).toArray();
        return String.format("p50 %s  p90 %s  p99 %s  p99.9 %s  max %s", ms(q[0]), ms(q[1]), ms(q[2]), ms(q[3]),
                ms(q[4]));
    }

    private static String ms(long micros) {
        return String.format("%.3f ms", micros / 1000.0);
    }

    static int index(long value) {
        if (value < SUB_BUCKETS) {
            return (int) value;
        }
        int magnitude = 63 - Long.numberOfLeadingZeros(value) - 6; // value >= 128 -> magnitude >= 1
        int sub = (int) (value >>> magnitude) - SUB_BUCKETS / 2;
        return Math.min(SUB_BUCKETS * MAGNITUDES - 1, SUB_BUCKETS + (magnitude - 1) * (SUB_BUCKETS / 2) + sub);
    }

    static long upperBound(int index) {
        if (index < SUB_BUCKETS) {
            return index;
        }
        int rel = index - SUB_BUCKETS;
        int magnitude = rel / (SUB_BUCKETS / 2) + 1;
        int sub = rel % (SUB_BUCKETS / 2) + SUB_BUCKETS / 2;
        return ((long) (sub + 1) << magnitude) - 1;
    }
}
