package org.relaymq.runtime.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumerOffsetSerializeWrapper;
import org.relaymq.runtime.common.time.ManualClock;

class ConsumerOffsetManagerTest {

    @TempDir
    Path configDir;

    private final ManualClock clock = new ManualClock();

    private Path file() {
        return configDir.resolve("consumerOffset.json");
    }

    @Test
    void unknownOffsetsAreMinusOne() {
        ConsumerOffsetManager m = new ConsumerOffsetManager(configDir).load();
        m.commitOffset("cg", "T", 0, 12);
        assertThat(m.queryOffset("cg", "T", 0)).isEqualTo(12);
        assertThat(m.queryOffset("cg", "T", 1)).isEqualTo(-1);
        assertThat(m.queryOffset("other", "T", 0)).isEqualTo(-1);
    }

    @Test
    void writesEveryFlushIntervalWhenChangedAndAtClose() throws Exception {
        ConsumerOffsetManager m = new ConsumerOffsetManager(configDir).load();
        m.start(clock, Duration.ofSeconds(5));
        m.commitOffset("cg", "T", 0, 12);

        clock.advance(Duration.ofMillis(4999));
        assertThat(Files.exists(file())).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(Files.readString(file(), StandardCharsets.UTF_8)).isEqualTo("{\"offsetTable\":{\"T@cg\":{0:12}}}");

        m.commitOffset("cg", "T", 1, 7);
        m.close();
        m.close();
        assertThat(clock.pendingTasks()).isZero();

        ConsumerOffsetManager restarted = new ConsumerOffsetManager(configDir).load();
        assertThat(restarted.offsets("cg", "T")).isEqualTo(Map.of(0, 12L, 1, 7L));
        assertThat(restarted.wrapper().offsetTable()).containsOnlyKeys("T@cg");
    }

    @Test
    void removeTopicAndGroupsOfTopic() {
        ConsumerOffsetManager m = new ConsumerOffsetManager(configDir).load();
        m.commitOffset("g1", "T", 0, 1);
        m.commitOffset("g2", "T", 0, 1);
        m.commitOffset("g1", "TT", 0, 1);
        assertThat(m.groupsOf("T")).containsExactly("g1", "g2");
        m.removeTopic("T");
        assertThat(m.groupsOf("T")).isEmpty();
        assertThat(m.queryOffset("g1", "TT", 0)).isEqualTo(1);
    }

    @Test
    void putAllMergesAMastersOffsets() {
        ConsumerOffsetManager m = new ConsumerOffsetManager(configDir).load();
        m.commitOffset("cg", "T", 0, 1);
        m.commitOffset("cg", "T", 1, 1);
        m.putAll(new ConsumerOffsetSerializeWrapper(Map.of("T@cg", Map.of(0, 5L), "U@cg", Map.of(2, 3L))));
        assertThat(m.offsets("cg", "T")).isEqualTo(Map.of(0, 5L, 1, 1L));
        assertThat(m.queryOffset("cg", "U", 2)).isEqualTo(3);
    }

    @Test
    void readsApacheStyleUnquotedKeys() throws Exception {
        Files.writeString(file(), "{\"offsetTable\":{\"T@cg\":{0:12,3:4}}}");
        ConsumerOffsetManager m = new ConsumerOffsetManager(configDir).load();
        assertThat(m.queryOffset("cg", "T", 3)).isEqualTo(4);
    }
}
