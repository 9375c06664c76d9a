package org.relaymq.runtime.broker.offset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.DelayOffsetSerializeWrapper;
import org.relaymq.runtime.common.time.ManualClock;

class DelayOffsetStoreTest {

    @TempDir
    Path configDir;

    @Test
    void persistsLevelOffsetsAcrossARestart() throws Exception {
        ManualClock clock = new ManualClock();
        DelayOffsetStore store = new DelayOffsetStore(configDir).load();
        store.start(clock, Duration.ofSeconds(5));
        store.update(1, 0);
        store.update(3, 15);
        assertThat(store.offset(2)).isZero();
        clock.advance(Duration.ofSeconds(5));
        assertThat(Files.readString(configDir.resolve("delayOffset.json"))).isEqualTo("{\"offsetTable\":{1:0,3:15}}");
        store.update(3, 16);
        store.close();

        DelayOffsetStore restarted = new DelayOffsetStore(configDir).load();
        assertThat(restarted.offset(3)).isEqualTo(16);
        assertThat(restarted.wrapper().offsetTable()).isEqualTo(Map.of(1, 0L, 3, 16L));
    }

    @Test
    void replaceAllOverwrites() {
        DelayOffsetStore store = new DelayOffsetStore(configDir).load();
        store.update(1, 9);
        store.replaceAll(new DelayOffsetSerializeWrapper(Map.of(2, 4L)));
        assertThat(store.wrapper().offsetTable()).isEqualTo(Map.of(2, 4L));
    }
}
