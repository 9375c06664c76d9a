package org.relaymq.runtime.client.api;

/**
 * The latency fault tolerance tables of protocol.md §10.2: a send that took {@code latency} ms makes its
 * broker unavailable for the {@code notAvailable} entry of the largest {@code latencyMax} it reached; a
 * failed send counts as {@link #failureLatencyMillis()}.
 */
public enum FaultTable {
    APACHE_4X(new long[] {50, 100, 550, 1000, 2000, 3000, 15000},
            new long[] {0, 0, 30000, 60000, 120000, 180000, 600000}, 30000),
    APACHE_5X(new long[] {50, 100, 550, 1800, 3000, 5000, 15000},
            new long[] {0, 0, 2000, 5000, 6000, 10000, 30000}, 10000);

    private final long[] latencyMax;
    private final long[] notAvailable;
    private final long failureLatency;

    FaultTable(long[] latencyMax, long[] notAvailable, long failureLatency) {
        this.latencyMax = latencyMax;
        this.notAvailable = notAvailable;
        this.failureLatency = failureLatency;
    }

    /** How long a broker is avoided after a send of {@code latencyMillis}. */
    public long isolationMillis(long latencyMillis) {
        for (int i = latencyMax.length - 1; i >= 0; i--) {
            if (latencyMillis >= latencyMax[i]) {
                return notAvailable[i];
            }
        }
        return 0;
    }

    public long failureLatencyMillis() {
        return failureLatency;
    }
}
