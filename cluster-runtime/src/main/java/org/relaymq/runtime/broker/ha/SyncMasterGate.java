package org.relaymq.runtime.broker.ha;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.relaymq.runtime.broker.BrokerRole;
import org.relaymq.runtime.broker.store.AppendResult;
import org.relaymq.runtime.broker.store.PutMessageResult;

/**
 * The SYNC_MASTER step of a send (protocol.md §9.1): for a stored message sent with {@code WAIT=true}
 * on a SYNC_MASTER, no healthy slave → {@link ReplicaOutcome#SLAVE_NOT_AVAILABLE} at once; otherwise wait
 * until a slave acknowledges the end of the message (the end of the last record for a batch), up to
 * {@code slaveTimeout} → {@link ReplicaOutcome#ACKNOWLEDGED} or {@link ReplicaOutcome#FLUSH_SLAVE_TIMEOUT}.
 * The returned future never completes on a Netty event loop; never block on it in one either.
 */
public final class SyncMasterGate {

    private final ReplicaAcks acks;
    private final Duration slaveTimeout;

    public SyncMasterGate(ReplicaAcks acks, Duration slaveTimeout) {
        this.acks = Objects.requireNonNull(acks, "acks");
        this.slaveTimeout = Objects.requireNonNull(slaveTimeout, "slaveTimeout");
    }

    /**
     * @param role           the broker's role now
     * @param result         the store's answer to the put
     * @param waitStoreMsgOk the message's {@code WAIT} property (true unless the producer set it false)
     */
    public CompletableFuture<ReplicaOutcome> await(BrokerRole role, PutMessageResult result, boolean waitStoreMsgOk) {
        if (role != BrokerRole.SYNC_MASTER || !waitStoreMsgOk || !result.status().isStored()
                || result.appends().isEmpty()) {
            return CompletableFuture.completedFuture(ReplicaOutcome.NOT_REQUIRED);
        }
        AppendResult last = result.appends().get(result.appends().size() - 1);
        long end = last.nextPhysicalOffset();
        if (!acks.isSlaveHealthy(end)) {
            return CompletableFuture.completedFuture(ReplicaOutcome.SLAVE_NOT_AVAILABLE);
        }
        return acks.waitForAck(end, slaveTimeout)
                .thenApply(ok -> ok ? ReplicaOutcome.ACKNOWLEDGED : ReplicaOutcome.FLUSH_SLAVE_TIMEOUT);
    }
}
