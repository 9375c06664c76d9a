package org.relaymq.runtime.broker.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicConfigSerializeWrapper;
import org.relaymq.protocol.body.TopicFilterType;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.common.time.ManualClock;

class TopicConfigManagerTest {

    @TempDir
    Path root;

    private final ManualClock clock = new ManualClock();

    private BrokerConfig.Builder config() {
        return BrokerConfig.builder().brokerIP1("127.0.0.1").brokerName("broker-a").storePathRootDir(root);
    }

    private TopicConfigManager manager(BrokerConfig config) {
        return new TopicConfigManager(config, clock).load();
    }

    @Test
    void builtInTopicsOfA49Broker() {
        TopicConfigManager m = manager(config().build());
        assertThat(m.find("SELF_TEST_TOPIC")).contains(TopicConfig.of("SELF_TEST_TOPIC", 1, 6));
        assertThat(m.find("TBW102")).contains(TopicConfig.of("TBW102", 8, 7));
        assertThat(m.find("BenchmarkTest")).contains(TopicConfig.of("BenchmarkTest", 1024, 6));
        assertThat(m.find("DefaultCluster").orElseThrow().perm()).isEqualTo(7);
        assertThat(m.find("broker-a")).contains(TopicConfig.of("broker-a", 1, 7));
        assertThat(m.find("OFFSET_MOVED_EVENT")).contains(TopicConfig.of("OFFSET_MOVED_EVENT", 1, 6));
        assertThat(m.find("SCHEDULE_TOPIC_XXXX")).contains(TopicConfig.of("SCHEDULE_TOPIC_XXXX", 18, 6));
        assertThat(m.find("DefaultCluster_REPLY_TOPIC")).isPresent();
        assertThat(m.find("RMQ_SYS_TRACE_TOPIC")).isEmpty();
    }

    @Test
    void noTemplateTopicWithoutAutoCreation() {
        TopicConfigManager m = manager(config().autoCreateTopicEnable(false).traceTopicEnable(true).build());
        assertThat(m.find("TBW102")).isEmpty();
        assertThat(m.find("RMQ_SYS_TRACE_TOPIC")).isPresent();
    }

    @Test
    void everyChangeBumpsTheVersionPersistsAndTellsListeners() {
        TopicConfigManager m = manager(config().build());
        AtomicInteger told = new AtomicInteger();
        m.addListener(told::incrementAndGet);
        DataVersion v0 = m.dataVersion();

        m.createOrUpdate(TopicConfig.of("Orders", 4, 6));
        DataVersion v1 = m.dataVersion();
        m.createOrUpdate(TopicConfig.of("Orders", 4, 6));
        m.createOrUpdate(TopicConfig.of("Orders", 8, 6));
        m.delete("Orders");
        m.delete("Orders");

        assertThat(v1.counter()).isEqualTo(v0.counter() + 1);
        assertThat(m.dataVersion().counter()).isEqualTo(v0.counter() + 3);
        assertThat(told).hasValue(3);
        assertThat(Files.exists(root.resolve("config/topics.json"))).isTrue();
        assertThat(Files.exists(root.resolve("config/topics.json.tmp"))).isFalse();
    }

    @Test
    void survivesARestart() {
        TopicConfigManager m = manager(config().build());
        TopicConfig orders = new TopicConfig("Orders", 4, 2, 6, TopicFilterType.MULTI_TAG, 0, true);
        m.createOrUpdate(orders);
        m.ensureRetryTopic("cg", 1);
        DataVersion saved = m.dataVersion();

        TopicConfigManager restarted = manager(config().build());

        assertThat(restarted.find("Orders")).contains(orders);
        assertThat(restarted.find("%RETRY%cg")).contains(TopicConfig.of("%RETRY%cg", 1, 6));
        assertThat(restarted.dataVersion()).isEqualTo(saved);
        assertThat(restarted.find("TBW102")).isPresent();
    }

    @Test
    void corruptFileIsAClearError() throws Exception {
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/topics.json"), "{not json");
        assertThatThrownBy(() -> manager(config().build()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("topics.json");
    }

    @Test
    void invalidNamesAreRefused() {
        TopicConfigManager m = manager(config().build());
        assertThatThrownBy(() -> m.createOrUpdate(TopicConfig.of("bad topic", 1, 6)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("illegal characters");
        assertThatThrownBy(() -> m.createOrUpdate(TopicConfig.of("T".repeat(128), 1, 6)))
                .hasMessageContaining("max length 127");
        assertThatThrownBy(() -> m.createOrUpdate(TopicConfig.of(" ", 1, 6))).hasMessageContaining("blank");
        m.createOrUpdate(TopicConfig.of("a-Z_0|9%x" + "T".repeat(118), 1, 6));
        assertThat(TopicNames.problem("%RETRY%group_1")).isNull();
        assertThat(TopicNames.problem("a.b")).isNotNull();
    }

    @Test
    void sendCreatesFromAnInheritableTemplate() {
        TopicConfigManager m = manager(config().build());
        AtomicInteger told = new AtomicInteger();
        m.addListener(told::incrementAndGet);

        TopicConfig created = m.findOrCreateForSend("NewTopic", "TBW102", 4, 0).orElseThrow();
        TopicConfig capped = m.findOrCreateForSend("Wide", "TBW102", 16, 0).orElseThrow();

        assertThat(created).isEqualTo(TopicConfig.of("NewTopic", 4, 6));
        assertThat(capped.writeQueueNums()).isEqualTo(8);
        assertThat(m.findOrCreateForSend("NewTopic", "TBW102", 1, 0)).contains(created);
        assertThat(told).hasValue(2);
    }

    @Test
    void sendDoesNotCreateWithoutAnInheritableTemplate() {
        TopicConfigManager m = manager(config().build());
        m.createOrUpdate(TopicConfig.of("PlainTemplate", 4, 6));
        assertThat(m.findOrCreateForSend("X", "PlainTemplate", 4, 0)).isEmpty();
        assertThat(m.findOrCreateForSend("X", "NoSuchTemplate", 4, 0)).isEmpty();
        assertThat(m.findOrCreateForSend("bad name", "TBW102", 4, 0)).isEmpty();

        TopicConfigManager off = manager(config().autoCreateTopicEnable(false).build());
        off.createOrUpdate(TopicConfig.of("TBW102", 8, 7));
        assertThat(off.findOrCreateForSend("Y", "TBW102", 4, 0)).isEmpty();
    }

    @Test
    void retryAndDlqTopicsHaveOneQueueReadWrite() {
        TopicConfigManager m = manager(config().build());
        assertThat(m.ensureRetryTopic("cg", 1)).isEqualTo(TopicConfig.of("%RETRY%cg", 1, 6));
        assertThat(m.ensureDlqTopic("cg")).isEqualTo(TopicConfig.of("%DLQ%cg", 1, 6));
        long counter = m.dataVersion().counter();
        m.ensureRetryTopic("cg", 1);
        assertThat(m.dataVersion().counter()).isEqualTo(counter);
    }

    @Test
    void snapshotCarriesTheBrokerPermissionWhenNotReadWrite() {
        TopicConfigManager m = manager(config().build());
        m.createOrUpdate(TopicConfig.of("Orders", 4, 6));
        assertThat(m.snapshot().topicConfigTable().get("TBW102").perm()).isEqualTo(7);
        AtomicInteger told = new AtomicInteger();
        m.addListener(told::incrementAndGet);
        long counter = m.dataVersion().counter();

        m.brokerPermission(4);

        TopicConfigSerializeWrapper snap = m.snapshot();
        assertThat(snap.topicConfigTable().values()).allMatch(t -> t.perm() == 4);
        assertThat(snap.dataVersion().counter()).isEqualTo(counter + 1);
        assertThat(m.wrapper().topicConfigTable().get("Orders").perm()).isEqualTo(6);
        assertThat(told).hasValue(1);

        TopicConfigManager readOnly = manager(config().brokerPermission(4).build());
        assertThat(readOnly.snapshot().topicConfigTable().get("TBW102").perm()).isEqualTo(4);
    }

    @Test
    void replaceAllTakesAMastersTableWhenItsVersionDiffers() {
        TopicConfigManager m = manager(config().build());
        TopicConfigSerializeWrapper master = new TopicConfigSerializeWrapper(
                java.util.Map.of("M", TopicConfig.of("M", 2, 6)), new DataVersion(5, 9));
        assertThat(m.replaceAll(master)).isTrue();
        assertThat(m.replaceAll(master)).isFalse();
        assertThat(m.topics()).containsOnlyKeys("M");
        assertThat(m.dataVersion()).isEqualTo(new DataVersion(5, 9));
    }
}
