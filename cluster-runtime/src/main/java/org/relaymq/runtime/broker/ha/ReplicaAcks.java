package org.relaymq.runtime.broker.ha;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** What a SYNC_MASTER send needs from replication (implemented by {@link HaServer} and {@link HaService}). */
public interface ReplicaAcks {

    /**
     * True when at least one slave is connected and lags {@code masterOffset} by less than
     * {@code haSlaveFallbehindMax} bytes (protocol.md §9.1 "healthy slave").
     */
    boolean isSlaveHealthy(long masterOffset);

    /** Completes true once any slave acknowledged an offset ≥ {@code offset}, false after {@code timeout}. */
    CompletableFuture<Boolean> waitForAck(long offset, Duration timeout);

    /** No replication at all (a slave, or a master without HA): never healthy, never acknowledged. */
    static ReplicaAcks none() {
        return new ReplicaAcks() {
            @Override
            public boolean isSlaveHealthy(long masterOffset) {
                return false;
            }

            @Override
            public CompletableFuture<Boolean> waitForAck(long offset, Duration timeout) {
                return CompletableFuture.completedFuture(false);
            }
        };
    }
}
