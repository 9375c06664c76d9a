package org.relaymq.runtime.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.SubscriptionGroupConfig;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicFilterType;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.BrokerCore;
import org.relaymq.runtime.broker.BrokerCoreFixture;
import org.relaymq.runtime.broker.BrokerRole;
import org.relaymq.runtime.common.time.ManualClock;

/** A slave's tables follow a real master broker core over remoting (codes 21, 43, 45, 201). */
class SlaveMetadataSyncIT {

    @TempDir
    Path masterDir;
    @TempDir
    Path slaveDir;

    private final ManualClock clock = new ManualClock();
    private BrokerCoreFixture master;
    private BrokerCoreFixture slave;

    @BeforeEach
    void start() {
        master = new BrokerCoreFixture(BrokerConfig.builder().brokerIP1("127.0.0.1").storePathRootDir(masterDir)
                .brokerRole(BrokerRole.ASYNC_MASTER).brokerId(0).build()).start();
        slave = new BrokerCoreFixture(BrokerConfig.builder().brokerIP1("127.0.0.1").storePathRootDir(slaveDir)
                .brokerRole(BrokerRole.SLAVE).brokerId(1).build());
    }

    @AfterEach
    void stop() throws Exception {
        slave.close();
        master.close();
    }

    private SlaveMetadataSync sync(Optional<String> masterAddress, boolean useVip) {
        BrokerCore s = slave.core();
        HaConfig config = HaConfig.defaults(0).withMetadataSync(Duration.ofSeconds(3), Duration.ofSeconds(10),
                Duration.ofSeconds(3), useVip);
        return new SlaveMetadataSync(config, slave.client(), () -> masterAddress,
                new SlaveMetadataSync.Targets(s.topics(), s.consumerOffsets(), s.delayOffsets(),
                        s.subscriptionGroups()), clock, Runnable::run);
    }

    private void fillMaster() {
        BrokerCore m = master.core();
        m.topics().createOrUpdate(new TopicConfig("Orders", 4, 4, 6, TopicFilterType.SINGLE_TAG, 0, false));
        m.consumerOffsets().commitOffset("cg", "Orders", 0, 42);
        m.consumerOffsets().commitOffset("cg", "Orders", 3, 7);
        m.delayOffsets().update(3, 15);
        m.subscriptionGroups().createOrUpdate(SubscriptionGroupConfig.defaults("cg"));
    }

    @Test
    void appliesTopicsOffsetsDelayOffsetsAndGroupsFromTheMaster() {
        fillMaster();
        SlaveMetadataSync.SyncReport report = sync(Optional.of(master.address()), true).syncOnce().orElseThrow();
        assertThat(report.failures()).isEmpty();
        assertThat(report.topicsReplaced()).isTrue();
        assertThat(report.groupsReplaced()).isTrue();

        BrokerCore s = slave.core();
        assertThat(s.topics().find("Orders")).contains(master.core().topics().find("Orders").orElseThrow());
        assertThat(s.topics().dataVersion()).isEqualTo(master.core().topics().dataVersion());
        assertThat(s.consumerOffsets().queryOffset("cg", "Orders", 0)).isEqualTo(42);
        assertThat(s.consumerOffsets().queryOffset("cg", "Orders", 3)).isEqualTo(7);
        assertThat(s.delayOffsets().offset(3)).isEqualTo(15);
        assertThat(s.subscriptionGroups().find("cg")).isPresent();
        assertThat(s.subscriptionGroups().dataVersion()).isEqualTo(master.core().subscriptionGroups().dataVersion());
    }

    @Test
    void anUnchangedVersionIsNotReappliedAndChangesFollowOnTheSchedule() {
        fillMaster();
        SlaveMetadataSync sync = sync(Optional.of(master.address()), false);
        sync.start();
        clock.advance(Duration.ofSeconds(3));
        assertThat(slave.core().topics().find("Orders")).isPresent();
        assertThat(sync.syncOnce().orElseThrow().topicsReplaced()).isFalse();

        master.core().topics().createOrUpdate(new TopicConfig("Payments", 2, 2, 6, TopicFilterType.SINGLE_TAG, 0,
                false));
        master.core().consumerOffsets().commitOffset("cg", "Orders", 0, 50);
        clock.advance(Duration.ofSeconds(9));
        assertThat(slave.core().topics().find("Payments")).isEmpty();
        clock.advance(Duration.ofSeconds(1));
        assertThat(slave.core().topics().find("Payments")).isPresent();
        assertThat(slave.core().consumerOffsets().queryOffset("cg", "Orders", 0)).isEqualTo(50);
        sync.stop();
    }

    @Test
    void withoutAKnownMasterNothingHappensAndAnUnreachableMasterIsReported() {
        assertThat(sync(Optional.empty(), true).syncOnce()).isEmpty();
        SlaveMetadataSync.SyncReport report = sync(Optional.of("127.0.0.1:1"), false).syncOnce().orElseThrow();
        assertThat(report.ok()).isFalse();
        assertThat(report.failures()).hasSize(4);
    }
}
