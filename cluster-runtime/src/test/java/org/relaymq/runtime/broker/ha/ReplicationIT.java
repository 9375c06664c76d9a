package org.relaymq.runtime.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.broker.BrokerRole;
import org.relaymq.runtime.broker.RecordingEvents;
import org.relaymq.runtime.broker.store.DefaultMessageStore;
import org.relaymq.runtime.broker.store.PutMessageResult;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;

/** A master and a slave store replicating over loopback with the real clock. */
class ReplicationIT {

    @TempDir
    Path masterDir;
    @TempDir
    Path slaveDir;

    private final ExecutorScheduler scheduler = new ExecutorScheduler("ha-it", 2);
    private final RecordingEvents masterEvents = new RecordingEvents();
    private final RecordingEvents slaveEvents = new RecordingEvents();
    private DefaultMessageStore master;
    private DefaultMessageStore slave;
    private HaService masterHa;
    private HaService slaveHa;

    private HaConfig config() {
        return HaConfig.defaults(0).withBindHost("127.0.0.1").withBackoff(Duration.ofMillis(50), Duration.ofMillis(200))
                .withStatsInterval(Duration.ofMillis(200)).withSlaveTimeout(Duration.ofMillis(500));
    }

    private void startMaster(BrokerRole role, HaConfig config) {
        master = HaTestStores.open(masterDir);
        masterHa = new HaService(config, role, master, Optional::empty, masterEvents, scheduler, TimeSource.system());
        masterHa.start();
    }

    private void startSlave(HaConfig config) {
        if (slave == null) {
            slave = HaTestStores.open(slaveDir);
        }
        String address = "127.0.0.1:" + masterHa.haPort();
        slaveHa = new HaService(config, BrokerRole.SLAVE, slave, () -> Optional.of(address), slaveEvents, scheduler,
                TimeSource.system());
        slaveHa.start();
    }

    private void stopSlave() {
        slaveHa.close();
        slave.close();
        slave = null;
    }

    private void awaitCaughtUp() {
        await().atMost(60, TimeUnit.SECONDS).until(() -> slave.commitLogMaxOffset() == master.commitLogMaxOffset());
    }

    @AfterEach
    void close() {
        if (slaveHa != null) {
            slaveHa.close();
        }
        if (masterHa != null) {
            masterHa.close();
        }
        if (slave != null) {
            slave.close();
        }
        if (master != null) {
            master.close();
        }
        scheduler.close();
    }

    @Test
    void aSlaveHoldsTheSameCommitLogAndQueuesAfter100000Messages() {
        startMaster(BrokerRole.ASYNC_MASTER, config());
        startSlave(config());
        HaTestStores.put(master, 0, 100_000);
        awaitCaughtUp();
        HaTestStores.assertSameCommitLog(master, slave);
        assertThat(slave.commitLogMinOffset()).isZero();
        HaTestStores.assertSameQueues(master, slave);
        assertThat(slave.maxOffsetInQueue(HaTestStores.TOPIC, 0)).isEqualTo(25_000);
    }

    @Test
    void aLateSlaveCatchesUpFromTheMastersLastSegmentByDefault() {
        startMaster(BrokerRole.ASYNC_MASTER, config());
        HaTestStores.put(master, 0, 5_000);
        startSlave(config());
        awaitCaughtUp();
        long max = master.commitLogMaxOffset();
        assertThat(slave.commitLogMinOffset()).isEqualTo(max - max % HaTestStores.SEGMENT_SIZE).isPositive();
        HaTestStores.put(master, 5_000, 6_000);
        awaitCaughtUp();
        HaTestStores.assertSameCommitLog(master, slave);
        HaTestStores.assertSameQueues(master, slave);
    }

    @Test
    void aLateSlaveCopiesEverythingWithTheMinOffsetPolicy() {
        HaConfig config = config().withStartPolicy(HaStartPolicy.MIN_OFFSET);
        startMaster(BrokerRole.ASYNC_MASTER, config);
        HaTestStores.put(master, 0, 5_000);
        startSlave(config);
        awaitCaughtUp();
        assertThat(slave.commitLogMinOffset()).isZero();
        HaTestStores.assertSameCommitLog(master, slave);
        HaTestStores.assertSameQueues(master, slave);
    }

    @Test
    void aRestartedSlaveResumesAtItsOwnOffset() throws Exception {
        startMaster(BrokerRole.ASYNC_MASTER, config());
        startSlave(config());
        CompletableFuture<PutMessageResult> producer = CompletableFuture.supplyAsync(
                () -> HaTestStores.put(master, 0, 40_000));
        await().atMost(30, TimeUnit.SECONDS).until(() -> slave.commitLogMaxOffset() > 300_000);
        stopSlave();
        producer.get(60, TimeUnit.SECONDS);
        HaTestStores.put(master, 40_000, 50_000);
        slave = HaTestStores.open(slaveDir);
        long resumeAt = slave.commitLogMaxOffset();
        assertThat(resumeAt).isPositive().isLessThan(master.commitLogMaxOffset());
        startSlave(config());
        awaitCaughtUp();
        HaTestStores.assertSameCommitLog(master, slave);
        HaTestStores.assertSameQueues(master, slave);
        assertThat(slaveEvents.ofKind(EventKind.REPLICA_CONNECTED)).last()
                .satisfies(e -> assertThat(e.data().get("slaveOffset").getAsLong()).isEqualTo(resumeAt));
        assertThat(masterEvents.ofKind(EventKind.REPLICA_CONNECTED)).last()
                .satisfies(e -> assertThat(e.data().get("startOffset").getAsLong()).isEqualTo(resumeAt));
    }

    @Test
    void syncMasterWaitsForTheSlaveAndAnswersTimeoutOrNoSlave() {
        startMaster(BrokerRole.SYNC_MASTER, config());
        SyncMasterGate gate = masterHa.gate();
        PutMessageResult alone = HaTestStores.put(master, 0, 1);
        assertThat(gate.await(BrokerRole.SYNC_MASTER, alone, true).join())
                .isEqualTo(ReplicaOutcome.SLAVE_NOT_AVAILABLE);

        startSlave(config());
        await().until(() -> masterHa.isSlaveHealthy(master.commitLogMaxOffset()));
        PutMessageResult replicated = HaTestStores.put(master, 1, 2);
        ReplicaOutcome outcome = gate.await(BrokerRole.SYNC_MASTER, replicated, true).join();
        assertThat(outcome).isEqualTo(ReplicaOutcome.ACKNOWLEDGED);
        assertThat(outcome.responseCode(ResponseCode.SUCCESS)).isZero();
        assertThat(slave.commitLogMaxOffset()).isGreaterThanOrEqualTo(replicated.first().nextPhysicalOffset());

        slaveHa.close();
        PutMessageResult orphan = HaTestStores.put(master, 2, 3);
        CompletableFuture<Boolean> ack = masterHa.waitForAck(orphan.first().nextPhysicalOffset(),
                Duration.ofMillis(300));
        assertThat(ack.join()).isFalse();
        await().until(() -> !masterHa.isSlaveHealthy(master.commitLogMaxOffset()));
        assertThat(gate.await(BrokerRole.SYNC_MASTER, orphan, true).join().responseCode(ResponseCode.SUCCESS))
                .isEqualTo(ResponseCode.SLAVE_NOT_AVAILABLE);
    }

    @Test
    void aSlaveAheadOfItsMasterIsRefusedAndKeepsItsData() {
        startMaster(BrokerRole.ASYNC_MASTER, config());
        HaTestStores.put(master, 0, 10);
        slave = HaTestStores.open(slaveDir);
        HaTestStores.put(slave, 0, 50);
        long mine = slave.commitLogMaxOffset();
        startSlave(config());
        await().until(() -> slaveEvents.ofKind(EventKind.REPLICA_LOST).size() >= 2);
        assertThat(slaveEvents.ofKind(EventKind.REPLICA_LOST).get(0).text("reason")).contains("ahead of its master");
        assertThat(masterEvents.ofKind(EventKind.REPLICA_LOST).get(0).text("reason"))
                .contains("slave ahead of its master");
        assertThat(slave.commitLogMaxOffset()).isEqualTo(mine);
    }

    @Test
    void bothSidesPublishRoleConnectionAndReplicationEvents() {
        startMaster(BrokerRole.ASYNC_MASTER, config());
        startSlave(config());
        HaTestStores.put(master, 0, 100);
        awaitCaughtUp();
        await().until(() -> masterEvents.ofKind(EventKind.REPLICATION).stream()
                .anyMatch(e -> e.data().has("slaveAckOffset")
                        && e.data().get("slaveAckOffset").getAsLong() == master.commitLogMaxOffset()));
        await().until(() -> slaveEvents.ofKind(EventKind.REPLICATION).stream()
                .anyMatch(e -> e.data().get("slaveOffset").getAsLong() == master.commitLogMaxOffset()));
        assertThat(masterEvents.ofKind(EventKind.ROLE).get(0).text("role")).isEqualTo("ASYNC_MASTER");
        assertThat(slaveEvents.ofKind(EventKind.ROLE).get(0).text("role")).isEqualTo("SLAVE");
        assertThat(masterEvents.ofKind(EventKind.REPLICA_CONNECTED)).hasSize(1);
        assertThat(slaveEvents.ofKind(EventKind.REPLICA_CONNECTED)).hasSize(1);
        var last = masterEvents.ofKind(EventKind.REPLICATION).get(masterEvents.ofKind(EventKind.REPLICATION).size() - 1);
        assertThat(last.data().get("lagBytes").getAsLong()).isZero();
        assertThat(last.data().has("lagMillis")).isTrue();
        assertThat(last.data().has("ackBytesPerSec")).isTrue();

        slaveHa.close();
        await().until(() -> !masterEvents.ofKind(EventKind.REPLICA_LOST).isEmpty());
        assertThat(slaveEvents.ofKind(EventKind.REPLICA_LOST)).singleElement()
                .satisfies(e -> assertThat(e.text("reason")).contains("stopped"));
    }

    @Test
    void aSlaveCanBePromotedToMaster() {
        startMaster(BrokerRole.ASYNC_MASTER, config());
        startSlave(config());
        HaTestStores.put(master, 0, 100);
        awaitCaughtUp();
        assertThat(slaveHa.switchRole(BrokerRole.SYNC_MASTER).join()).isEqualTo(BrokerRole.SYNC_MASTER);
        assertThat(slaveHa.role()).isEqualTo(BrokerRole.SYNC_MASTER);
        assertThat(slaveHa.haPort()).isPositive();
        assertThat(slaveHa.client()).isEmpty();
        assertThat(slaveEvents.ofKind(EventKind.ROLE)).last()
                .satisfies(e -> assertThat(e.text("previousRole")).isEqualTo("SLAVE"));
    }
}
