package org.relaymq.protocol.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagePropertiesTest {

    @Test
    void encodesInInsertionOrderSkippingNullValues() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("TAGS", "TagA");
        props.put("skipped", null);
        props.put("KEYS", "k1 k2");
        assertThat(MessageProperties.encode(props)).isEqualTo("TAGS\u0001TagA\u0002KEYS\u0001k1 k2");
        assertThat(MessageProperties.encode(Map.of())).isEmpty();
        assertThat(MessageProperties.encode(null)).isEmpty();
    }

    @Test
    void parsesKeepingOrderAndIgnoringBadSegments() {
        String s = "B\u00012\u0002A\u00011\u0002x\u0002\u0001\u0002noSep\u0002\u0001v\u0002n\u0001\u0002C\u0001a\u0001b";
        assertThat(MessageProperties.parse(s))
                .containsExactly(Map.entry("B", "2"), Map.entry("A", "1"), Map.entry("C", "a\u0001b"));
        assertThat(MessageProperties.parse(null)).isEmpty();
        assertThat(MessageProperties.parse("")).isEmpty();
    }

    @Test
    void laterDuplicateWins() {
        assertThat(MessageProperties.parse("a\u00011\u0002a\u00012\u0002")).containsExactly(Map.entry("a", "2"));
        assertThat(MessageProperties.get("a\u00011\u0002a\u00012\u0002", "a")).isEqualTo("2");
    }

    @Test
    void getFindsOneValueWithoutConfusingPrefixes() {
        String s = "TAGSX\u0001no\u0002TAGS\u0001TagA\u0002KEYS\u0001k\u0002";
        assertThat(MessageProperties.get(s, "TAGS")).isEqualTo("TagA");
        assertThat(MessageProperties.get(s, "KEYS")).isEqualTo("k");
        assertThat(MessageProperties.get(s, "TAG")).isNull();
        assertThat(MessageProperties.get(s, "missing")).isNull();
        assertThat(MessageProperties.get("A\u0001\u0002", "A")).isNull();
        assertThat(MessageProperties.get("A\u0001v", "A")).isEqualTo("v");
    }

    @Test
    void roundTrips() {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("UNIQ_KEY", "C0A8000A00002A9F0000000000001A2B");
        props.put("中文", "値 ✓");
        assertThat(MessageProperties.parse(MessageProperties.encode(props))).isEqualTo(props);
    }

    @Test
    void rejectsSeparatorsAndEmptyNames() {
        assertThatThrownBy(() -> MessageProperties.encode(Map.of("a\u0001", "v")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageProperties.encode(Map.of("a", "v\u0002")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageProperties.encode(Map.of("", "v")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsedViewIsUnmodifiable() {
        Map<String, String> view = MessageProperties.parseUnmodifiable("a\u00011\u0002");
        assertThatThrownBy(() -> view.put("b", "2")).isInstanceOf(UnsupportedOperationException.class);
    }
}
