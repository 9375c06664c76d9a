package org.relaymq.runtime.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.runtime.broker.BrokerRole;
import org.relaymq.runtime.broker.store.AppendResult;
import org.relaymq.runtime.broker.store.PutMessageResult;
import org.relaymq.runtime.broker.store.PutMessageStatus;

class SyncMasterGateTest {

    private static final PutMessageResult STORED = PutMessageResult.ok(List.of(
            new AppendResult(1000, 100, 0, "id1", 1L), new AppendResult(1100, 50, 1, "id2", 1L)));

    /** Healthy or not; acks complete only when the test says so. */
    private static final class FakeAcks implements ReplicaAcks {
        boolean healthy = true;
        long askedOffset = -1;
        long askedHealthAt = -1;
        final CompletableFuture<Boolean> ack = new CompletableFuture<>();

        @Override
        public boolean isSlaveHealthy(long masterOffset) {
            askedHealthAt = masterOffset;
            return healthy;
        }

        @Override
        public CompletableFuture<Boolean> waitForAck(long offset, Duration timeout) {
            askedOffset = offset;
            return ack;
        }
    }

    private final FakeAcks acks = new FakeAcks();
    private final SyncMasterGate gate = new SyncMasterGate(acks, Duration.ofSeconds(3));

    @Test
    void asyncMasterAndSlaveNeverWait() {
        assertThat(gate.await(BrokerRole.ASYNC_MASTER, STORED, true)).isCompletedWithValue(ReplicaOutcome.NOT_REQUIRED);
        assertThat(gate.await(BrokerRole.SLAVE, STORED, true)).isCompletedWithValue(ReplicaOutcome.NOT_REQUIRED);
        assertThat(acks.askedOffset).isEqualTo(-1);
    }

    @Test
    void syncMasterDoesNotWaitWhenTheProducerDidNotAskOrNothingWasStored() {
        assertThat(gate.await(BrokerRole.SYNC_MASTER, STORED, false)).isCompletedWithValue(ReplicaOutcome.NOT_REQUIRED);
        PutMessageResult failed = PutMessageResult.failed(PutMessageStatus.SERVICE_NOT_AVAILABLE, "disk full");
        assertThat(gate.await(BrokerRole.SYNC_MASTER, failed, true)).isCompletedWithValue(ReplicaOutcome.NOT_REQUIRED);
    }

    @Test
    void noHealthySlaveAnswersSlaveNotAvailable() {
        acks.healthy = false;
        CompletableFuture<ReplicaOutcome> f = gate.await(BrokerRole.SYNC_MASTER, STORED, true);
        assertThat(f).isCompletedWithValue(ReplicaOutcome.SLAVE_NOT_AVAILABLE);
        assertThat(f.join().responseCode(ResponseCode.SUCCESS)).isEqualTo(ResponseCode.SLAVE_NOT_AVAILABLE);
        assertThat(acks.askedHealthAt).isEqualTo(1150);
    }

    @Test
    void waitsForTheEndOfTheLastRecord() {
        CompletableFuture<ReplicaOutcome> f = gate.await(BrokerRole.SYNC_MASTER, STORED, true);
        assertThat(f).isNotDone();
        assertThat(acks.askedOffset).isEqualTo(1150);
        acks.ack.complete(true);
        assertThat(f).isCompletedWithValue(ReplicaOutcome.ACKNOWLEDGED);
        assertThat(f.join().responseCode(ResponseCode.SUCCESS)).isEqualTo(ResponseCode.SUCCESS);
    }

    @Test
    void aTimedOutWaitAnswersFlushSlaveTimeoutEvenOverAFlushDiskTimeout() {
        PutMessageResult flushTimeout = STORED.withStatus(PutMessageStatus.FLUSH_DISK_TIMEOUT, "slow disk");
        CompletableFuture<ReplicaOutcome> f = gate.await(BrokerRole.SYNC_MASTER, flushTimeout, true);
        acks.ack.complete(false);
        assertThat(f).isCompletedWithValue(ReplicaOutcome.FLUSH_SLAVE_TIMEOUT);
        assertThat(f.join().responseCode(ResponseCode.FLUSH_DISK_TIMEOUT)).isEqualTo(ResponseCode.FLUSH_SLAVE_TIMEOUT);
        assertThat(ReplicaOutcome.NOT_REQUIRED.responseCode(ResponseCode.FLUSH_DISK_TIMEOUT))
                .isEqualTo(ResponseCode.FLUSH_DISK_TIMEOUT);
    }
}
