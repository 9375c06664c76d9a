package org.relaymq.runtime.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KvConfigStateTest {

    private final KvConfigState kv = new KvConfigState();

    @Test
    void putGetDeleteAndListByNamespace() {
        kv.put(KvConfigState.ORDER_TOPIC_CONFIG, "T", "broker-a:4;broker-b:4");
        kv.put(KvConfigState.ORDER_TOPIC_CONFIG, "U", "broker-a:2");
        kv.put("other", "T", "x");

        assertThat(kv.get(KvConfigState.ORDER_TOPIC_CONFIG, "T")).contains("broker-a:4;broker-b:4");
        assertThat(kv.get("other", "U")).isEmpty();
        assertThat(kv.get("nobody", "T")).isEmpty();
        assertThat(kv.list(KvConfigState.ORDER_TOPIC_CONFIG)).contains(
                Map.of("T", "broker-a:4;broker-b:4", "U", "broker-a:2"));

        assertThat(kv.delete("other", "T")).isTrue();
        assertThat(kv.delete("other", "T")).isFalse();
        assertThat(kv.list("other")).contains(Map.of());
        assertThat(kv.list("never")).isEmpty();
    }

    @Test
    void putOverwritesAndLoadReplacesEverything() {
        kv.put("ns", "k", "1");
        kv.put("ns", "k", "2");
        assertThat(kv.get("ns", "k")).contains("2");

        kv.load(Map.of("loaded", Map.of("a", "b")));

        assertThat(kv.all()).isEqualTo(Map.of("loaded", Map.of("a", "b")));
    }
}
