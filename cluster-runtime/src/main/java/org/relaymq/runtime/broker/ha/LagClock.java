package org.relaymq.runtime.broker.ha;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * Estimates replication lag in time from periodic samples of the master's max offset: the lag of a slave
 * that acknowledged offset A is the age of the oldest sample whose offset was already beyond A (so it is
 * accurate to one sampling period). Keeps a bounded history; not thread-safe.
 */
final class LagClock {

    private static final int MAX_SAMPLES = 4096;

    private record Sample(long nanos, long offset) {
    }

    private final Deque<Sample> samples = new ArrayDeque<>();

    /** Notes the master offset seen at {@code nowNanos}; only increases are kept. */
    void record(long nowNanos, long offset) {
        Sample last = samples.peekLast();
        if (last != null && offset <= last.offset()) {
            return;
        }
        samples.addLast(new Sample(nowNanos, offset));
        if (samples.size() > MAX_SAMPLES) {
            samples.removeFirst();
        }
    }

    /** Milliseconds the bytes after {@code acked} have been waiting; 0 when nothing recorded is beyond it. */
    long lagMillis(long nowNanos, long acked) {
        Iterator<Sample> it = samples.iterator();
        while (it.hasNext()) {
            Sample s = it.next();
            if (s.offset() > acked) {
                return Math.max(0, (nowNanos - s.nanos()) / 1_000_000);
            }
        }
        return 0;
    }

    /** Forgets samples every slave has acknowledged ({@code acked} = the lowest ack offset). */
    void forgetUpTo(long acked) {
        while (samples.size() > 1 && samples.peekFirst().offset() <= acked) {
            samples.removeFirst();
        }
    }
}
