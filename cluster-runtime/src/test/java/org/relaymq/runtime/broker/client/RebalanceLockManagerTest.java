package org.relaymq.runtime.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.MessageQueue;

class RebalanceLockManagerTest {

    private final RebalanceLockManager locks = new RebalanceLockManager(Duration.ofSeconds(60));
    private final MessageQueue q0 = MessageQueue.of("T", "broker-a", 0);
    private final MessageQueue q1 = MessageQueue.of("T", "broker-a", 1);

    @Test
    void unlockedQueuesAreGranted() {
        assertThat(locks.tryLockBatch("cg", Set.of(q0, q1), "A", 0)).containsExactlyInAnyOrder(q0, q1);
        assertThat(locks.isLockedBy("cg", q0, "A", 0)).isTrue();
    }

    @Test
    void anotherClientWaitsUntilTheLockIsOlderThan60s() {
        locks.tryLockBatch("cg", Set.of(q0), "A", 0);
        assertThat(locks.tryLockBatch("cg", Set.of(q0, q1), "B", 60_000)).containsExactly(q1);
        assertThat(locks.tryLockBatch("cg", Set.of(q0), "B", 60_001)).containsExactly(q0);
        assertThat(locks.isLockedBy("cg", q0, "A", 60_001)).isFalse();
    }

    @Test
    void theHolderRefreshesItsLock() {
        locks.tryLockBatch("cg", Set.of(q0), "A", 0);
        assertThat(locks.tryLockBatch("cg", Set.of(q0), "A", 50_000)).containsExactly(q0);
        assertThat(locks.tryLockBatch("cg", Set.of(q0), "B", 100_000)).isEmpty();
    }

    @Test
    void onlyTheHolderUnlocksAndGroupsAreIndependent() {
        locks.tryLockBatch("cg", Set.of(q0), "A", 0);
        locks.unlockBatch("cg", Set.of(q0), "B");
        assertThat(locks.tryLockBatch("other", Set.of(q0), "B", 1)).containsExactly(q0);
        assertThat(locks.tryLockBatch("cg", Set.of(q0), "B", 1)).isEmpty();
        locks.unlockBatch("cg", Set.of(q0), "A");
        assertThat(locks.tryLockBatch("cg", Set.of(q0), "B", 2)).containsExactly(q0);
    }
}
