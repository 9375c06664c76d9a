package org.relaymq.runtime.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.relaymq.runtime.common.TimingProfile;

class BrokerConfigTest {

    @Test
    void defaultsFollowRocketMq() {
        BrokerConfig c = BrokerConfig.builder().brokerIP1("10.0.0.1").build();
        assertThat(c.brokerClusterName()).isEqualTo("DefaultCluster");
        assertThat(c.brokerId()).isZero();
        assertThat(c.listenPort()).isEqualTo(10911);
        assertThat(c.vipPort()).isEqualTo(10909);
        assertThat(c.haListenPort()).isEqualTo(10912);
        assertThat(c.brokerRole()).isEqualTo(BrokerRole.ASYNC_MASTER);
        assertThat(c.flushDiskType()).isEqualTo("ASYNC_FLUSH");
        assertThat(c.autoCreateTopicEnable()).isTrue();
        assertThat(c.autoCreateSubscriptionGroup()).isTrue();
        assertThat(c.defaultTopicQueueNums()).isEqualTo(8);
        assertThat(c.registerNameServerPeriod()).isEqualTo(Duration.ofSeconds(30));
        assertThat(c.registerBrokerTimeout()).isEqualTo(Duration.ofSeconds(6));
        assertThat(c.clientChannelExpiry()).isEqualTo(Duration.ofSeconds(120));
        assertThat(c.clientChannelScanInterval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(c.flushConsumerOffsetInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(c.rebalanceLockMaxLiveTime()).isEqualTo(Duration.ofSeconds(60));
        assertThat(c.brokerPermission()).isEqualTo(6);
        assertThat(c.regionId()).isEqualTo("DefaultRegion");
        assertThat(c.traceOn()).isTrue();
        assertThat(c.brokerIP2()).isEqualTo("10.0.0.1");
        assertThat(c.brokerAddr(10911)).isEqualTo("10.0.0.1:10911");
        assertThat(c.haServerAddr(10912)).isEqualTo("10.0.0.1:10912");
    }

    @Test
    void classroomProfileShortensTheTimers() {
        BrokerConfig c = BrokerConfig.builder(TimingProfile.CLASSROOM).brokerIP1("h").build();
        assertThat(c.registerNameServerPeriod()).isEqualTo(Duration.ofSeconds(3));
        assertThat(c.clientChannelExpiry()).isEqualTo(Duration.ofSeconds(12));
        assertThat(c.profileName()).isEqualTo("classroom");
    }

    @Test
    void readsBrokerConfAndReportsUnknownKeys() {
        Properties p = new Properties();
        p.setProperty("brokerClusterName", "C1");
        p.setProperty("brokerName", "broker-b");
        p.setProperty("brokerId", "1");
        p.setProperty("brokerRole", "slave");
        p.setProperty("brokerIP1", "192.168.0.10");
        p.setProperty("listenPort", "20911");
        p.setProperty("namesrvAddr", "127.0.0.1:9876; 127.0.0.2:9876;");
        p.setProperty("storePathRootDir", "/tmp/relay");
        p.setProperty("flushDiskType", "sync_flush");
        p.setProperty("autoCreateTopicEnable", "false");
        p.setProperty("registerNameServerPeriod", "15000");
        p.setProperty("deleteWhen", "04");
        p.setProperty("fancyKey", "x");

        BrokerConfig.Loaded loaded = BrokerConfig.fromProperties(p, TimingProfile.CLASSIC);

        BrokerConfig c = loaded.config();
        assertThat(c.brokerClusterName()).isEqualTo("C1");
        assertThat(c.brokerRole()).isEqualTo(BrokerRole.SLAVE);
        assertThat(c.brokerId()).isEqualTo(1);
        assertThat(c.listenPort()).isEqualTo(20911);
        assertThat(c.namesrvAddr()).containsExactly("127.0.0.1:9876", "127.0.0.2:9876");
        assertThat(c.storePathRootDir()).isEqualTo(Path.of("/tmp/relay"));
        assertThat(c.configDir()).isEqualTo(Path.of("/tmp/relay/config"));
        assertThat(c.flushDiskType()).isEqualTo("SYNC_FLUSH");
        assertThat(c.autoCreateTopicEnable()).isFalse();
        assertThat(c.registerNameServerPeriod()).isEqualTo(Duration.ofSeconds(15));
        assertThat(loaded.unknownKeys()).containsExactly("deleteWhen", "fancyKey");
        assertThat(BrokerConfig.knownKeys()).contains("brokerRole", "namesrvAddr");
    }

    @Test
    void aMasterIsAlwaysBrokerIdZero() {
        Properties p = new Properties();
        p.setProperty("brokerId", "3");
        p.setProperty("brokerRole", "SYNC_MASTER");
        p.setProperty("brokerIP1", "h");
        assertThat(BrokerConfig.fromProperties(p, TimingProfile.CLASSIC).config().brokerId()).isZero();
    }

    @Test
    void badValuesNameTheKey() {
        Properties p = new Properties();
        p.setProperty("listenPort", "ten");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(p, TimingProfile.CLASSIC))
                .hasMessageContaining("listenPort=ten");
        Properties role = new Properties();
        role.setProperty("brokerRole", "LEADER");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(role, TimingProfile.CLASSIC))
                .hasMessageContaining("LEADER");
        Properties slave = new Properties();
        slave.setProperty("brokerRole", "SLAVE");
        slave.setProperty("brokerIP1", "h");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(slave, TimingProfile.CLASSIC))
                .hasMessageContaining("SLAVE must have brokerId > 0");
        Properties bool = new Properties();
        bool.setProperty("traceOn", "yes");
        assertThatThrownBy(() -> BrokerConfig.fromProperties(bool, TimingProfile.CLASSIC))
                .hasMessageContaining("traceOn=yes");
        assertThatThrownBy(() -> BrokerConfig.builder().brokerIP1("h").messageDelayLevel("1x").build())
                .hasMessageContaining("1x");
    }

    @Test
    void toBuilderKeepsEveryValue() {
        BrokerConfig c = BrokerConfig.builder(TimingProfile.CLASSROOM).brokerIP1("h").brokerName("b")
                .namesrvAddr(List.of("a:1")).traceTopicEnable(true).build();
        assertThat(c.toBuilder().build()).isEqualTo(c);
    }
}
