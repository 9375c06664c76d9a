package org.relaymq.protocol.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonHeaderCodecTest {

    private static final byte[] NO_BODY = new byte[0];

    private static RemotingCommand cmd(int code, int opaque, int flag, String remark, Map<String, String> ext) {
        return RemotingCommand.of(code, LanguageCode.JAVA, 409, opaque, flag, remark, ext, NO_BODY,
                SerializeType.JSON);
    }

    static Stream<Arguments> protocolExamples() {
        Map<String, String> send = new LinkedHashMap<>();
        send.put("n", "broker-a");
        send.put("a", "pg");
        send.put("b", "TopicTest");
        send.put("c", "TBW102");
        send.put("d", "4");
        send.put("e", "1");
        send.put("f", "0");
        send.put("g", "1700000000000");
        send.put("h", "0");
        send.put("i", "TAGS\u0001TagA\u0002WAIT\u0001true\u0002UNIQ_KEY\u0001C0A8000263F418B4AAC2155D0F1A0000\u0002");
        send.put("j", "0");
        send.put("k", "false");
        send.put("m", "false");
        return Stream.of(
                Arguments.of("route-request.json", cmd(105, 3, 0, null, Map.of("topic", "TopicTest"))),
                Arguments.of("route-response-success.json", cmd(0, 3, 1, null, null)),
                Arguments.of("route-response-error.json", cmd(17, 3, 1,
                        "No topic route info in name server for the topic: TopicTest", null)),
                Arguments.of("send-v2-request.json", cmd(310, 12, 0, null, send)),
                Arguments.of("send-v2-response.json", cmd(0, 12, 1, null, Map.of("msgId",
                        "C0A8000A00002A9F0000000000001A2B", "queueId", "1", "queueOffset", "42",
                        "MSG_REGION", "DefaultRegion", "TRACE_ON", "true"))),
                Arguments.of("update-offset-oneway.json", cmd(15, 77, 2, null, Map.of("topic", "TopicTest",
                        "consumerGroup", "cg", "queueId", "0", "commitOffset", "18", "bname", "broker-a"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocolExamples")
    void encodesTheProtocolExamplesByteForByte(String fixture, RemotingCommand command) {
        assertThat(new String(JsonHeaderCodec.encode(command), StandardCharsets.UTF_8))
                .isEqualTo(new String(WireFixtures.json(fixture), StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("protocolExamples")
    void decodesTheProtocolExamples(String fixture, RemotingCommand command) {
        assertThat(JsonHeaderCodec.decode(WireFixtures.json(fixture), NO_BODY)).isEqualTo(command);
    }

    @Test
    void emptyExtFieldsStayAnEmptyObject() {
        RemotingCommand c = cmd(34, 1, 0, null, Map.of());
        String json = new String(JsonHeaderCodec.encode(c), StandardCharsets.UTF_8);
        assertThat(json).contains("\"extFields\":{}");
        assertThat(JsonHeaderCodec.decode(json.getBytes(StandardCharsets.UTF_8), NO_BODY).extFields()).isEmpty();
    }

    @Test
    void nullExtEntriesAreSkippedWhenEncoding() {
        Map<String, String> ext = new HashMap<>();
        ext.put("kept", "v");
        ext.put("dropped", null);
        String json = new String(JsonHeaderCodec.encode(cmd(1, 1, 0, null, ext)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"extFields\":{\"kept\":\"v\"}");
    }

    @Test
    void escapesLikeFastjsonWithoutHtmlEscaping() {
        String remark = "q\"b\\s/<>&='\b\t\n\f\r\u0000\u001f\u007f\u0085\u00e9\u2028\u2029\ud83d\ude00";
        String json = new String(JsonHeaderCodec.encode(cmd(1, 1, 1, remark, null)), StandardCharsets.UTF_8);
        assertThat(json).contains("\"remark\":\"q\\\"b\\\\s/<>&='\\b\\t\\n\\f\\r\\u0000\\u001F\\u007F\\u0085"
                + "\u00e9\\u2028\\u2029\ud83d\ude00\"");
        assertThat(JsonHeaderCodec.decode(json.getBytes(StandardCharsets.UTF_8), NO_BODY).remark()).isEqualTo(remark);
    }

    @Test
    void decodesLenientlyIgnoringUnknownKeysAndOrder() {
        String json = "{\"version\":\"409\",\"unknown\":{\"x\":[1,2]},\"opaque\":\"7\",\"language\":\"KOTLIN\","
                + "\"flag\":1,\"code\":\"22\",\"remark\":null,\"extFields\":{\"n\":5,\"b\":true,\"z\":null,"
                + "\"d\":1.5,\"s\":\"x\"},\"serializeTypeCurrentRPC\":\"ROCKETMQ\"}";
        RemotingCommand c = JsonHeaderCodec.decode(json.getBytes(StandardCharsets.UTF_8), new byte[] {1});
        assertThat(c.code()).isEqualTo(22);
        assertThat(c.version()).isEqualTo(409);
        assertThat(c.opaque()).isEqualTo(7);
        assertThat(c.flag()).isEqualTo(1);
        assertThat(c.language()).isEqualTo(LanguageCode.OTHER);
        assertThat(c.remark()).isNull();
        assertThat(c.extFields()).containsExactlyInAnyOrderEntriesOf(
                Map.of("n", "5", "b", "true", "d", "1.5", "s", "x"));
        assertThat(c.body()).containsExactly(1);
        assertThat(c.serializeType()).isEqualTo(SerializeType.JSON);
    }

    @Test
    void missingFieldsTakeApacheDefaults() {
        RemotingCommand c = JsonHeaderCodec.decode("{}".getBytes(StandardCharsets.UTF_8), NO_BODY);
        assertThat(c.code()).isZero();
        assertThat(c.language()).isEqualTo(LanguageCode.JAVA);
        assertThat(c.extFields()).isNull();
        assertThat(c.remark()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "garbage", "[1,2]", "\"text\"", "{", "{\"code\":}", "{\"code\":\"abc\"}",
        "{\"code\":99999999999}", "{\"extFields\":{\"a\":{\"b\":\"c\"}}}", "{\"extFields\":[]}", "{}{}",
        "{\"code\":1,}", "{\"language\":[]}", "null"})
    void rejectsUnparseableHeaders(String json) {
        assertThatThrownBy(() -> JsonHeaderCodec.decode(json.getBytes(StandardCharsets.UTF_8), NO_BODY))
                .isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("JSON header");
    }
}
