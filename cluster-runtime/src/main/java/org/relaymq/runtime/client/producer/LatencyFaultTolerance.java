package org.relaymq.runtime.client.producer;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.relaymq.runtime.client.api.FaultTable;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * Brokers to avoid for a while after a slow or failed send, the duration chosen from the latency by a
 * {@link FaultTable}. Deadlines are monotonic; {@link #isolatedUntilWall} converts for display.
 */
public final class LatencyFaultTolerance {

    private final FaultTable table;
    private final TimeSource time;
    private final Map<String, Long> availableAtMillis = new ConcurrentHashMap<>();

    public LatencyFaultTolerance(FaultTable table, TimeSource time) {
        this.table = table;
        this.time = time;
    }

    public FaultTable table() {
        return table;
    }

    /** Records a send; returns how long the broker is now isolated (0 = not). */
    public long update(String broker, long latencyMillis, boolean failed) {
        long isolation = table.isolationMillis(failed ? table.failureLatencyMillis() : latencyMillis);
        availableAtMillis.put(broker, time.monotonicMillis() + isolation);
        return isolation;
    }

    public boolean isAvailable(String broker) {
        Long at = availableAtMillis.get(broker);
        return at == null || time.monotonicMillis() >= at;
    }

    /** The wall time until which {@code broker} is isolated, if it is. */
    public OptionalLong isolatedUntilWall(String broker) {
        Long at = availableAtMillis.get(broker);
        long now = time.monotonicMillis();
        if (at == null || now >= at) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(time.wallMillis() + (at - now));
    }

    public String describeIsolation(String broker) {
        OptionalLong until = isolatedUntilWall(broker);
        return until.isPresent() ? "isolated until " + Instant.ofEpochMilli(until.getAsLong()) : "available";
    }
}
