package org.relaymq.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;

class ExtFieldsTest {

    @Test
    void writerSkipsNullsKeepsOrderAndWritesNumbersAndBooleansAsText() {
        Map<String, String> ext = ExtFields.write()
                .put("s", "v").put("none", (String) null).put("i", 7).put("l", -9_000_000_000L)
                .put("b", true).put("nb", (Boolean) null).put("ni", (Integer) null)
                .build();

        assertThat(ext).containsExactly(Map.entry("s", "v"), Map.entry("i", "7"),
                Map.entry("l", "-9000000000"), Map.entry("b", "true"));
    }

    @Test
    void writerGivesAMutableMapSoExtraKeysCanBeAdded() {
        Map<String, String> ext = ExtFields.write().put("a", "1").build();
        ext.put("MSG_REGION", "DefaultRegion");
        assertThat(ext).hasSize(2);
    }

    @Test
    void readerParsesNumbersAndBooleansLikeApache() {
        ExtFields.Reader r = ExtFields.read(Map.of("i", "-3", "l", "9000000000", "t", "TRUE", "f", "yes"));

        assertThat(r.requiredInt("i")).isEqualTo(-3);
        assertThat(r.requiredLong("l")).isEqualTo(9_000_000_000L);
        assertThat(r.requiredBoolean("t")).isTrue();
        assertThat(r.requiredBoolean("f")).isFalse();
        assertThat(r.optionalInt("missing")).isNull();
        assertThat(r.optionalLong("missing")).isNull();
        assertThat(r.optionalBoolean("missing")).isNull();
        assertThat(r.intOr("missing", 5)).isEqualTo(5);
        assertThat(r.booleanOr("missing", true)).isTrue();
    }

    @Test
    void aNullMapReadsAsEmpty() {
        assertThat(ExtFields.read(null).optionalString("topic")).isNull();
        assertThatThrownBy(() -> GetRouteInfoRequestHeader.fromExt(null))
                .isInstanceOf(ProtocolException.class).hasMessage("missing header field 'topic'");
    }

    @Test
    void missingRequiredValueIsASystemErrorNamingTheField() {
        assertThatThrownBy(() -> ExtFields.read(Map.of()).requiredString("topic"))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.responseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR))
                .hasMessage("missing header field 'topic'");
        assertThatThrownBy(() -> ExtFields.read(Map.of()).requiredLong("offset"))
                .hasMessage("missing header field 'offset'");
    }

    @Test
    void unparseableNumbersAreSystemErrorsNamingFieldAndValue() {
        ExtFields.Reader r = ExtFields.read(Map.of("queueId", "x", "offset", "1.5", "big", "3000000000"));

        assertThatThrownBy(() -> r.requiredInt("queueId"))
                .isInstanceOfSatisfying(ProtocolException.class,
                        e -> assertThat(e.responseCode()).isEqualTo(ResponseCode.SYSTEM_ERROR))
                .hasMessage("header field 'queueId' is not an integer: 'x'")
                .hasCauseInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> r.optionalLong("offset"))
                .hasMessage("header field 'offset' is not a long: '1.5'");
        assertThatThrownBy(() -> r.intOr("big", 0))
                .hasMessage("header field 'big' is not an integer: '3000000000'");
    }

    @Test
    void emptyStringIsAValueNotAnAbsence() {
        Map<String, String> ext = new HashMap<>();
        ext.put("topic", "");
        assertThat(GetRouteInfoRequestHeader.fromExt(ext).topic()).isEmpty();
    }
}
