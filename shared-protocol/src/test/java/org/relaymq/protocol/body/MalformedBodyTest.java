package org.relaymq.protocol.body;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.relaymq.protocol.ProtocolException;

/** Garbage, truncated and wrongly-typed bodies fail with ProtocolException and nothing else. */
class MalformedBodyTest {

    private static final Map<String, Function<byte[], ?>> DECODERS = Map.ofEntries(
            Map.entry("register-broker-body.json", b -> RegisterBrokerBody.decode(b, false, 409)),
            Map.entry("topic-route-standard.json", TopicRouteData::decode),
            Map.entry("cluster-info.json", ClusterInfo::decode),
            Map.entry("heartbeat.json", HeartbeatData::decode),
            Map.entry("consumer-id-list.json", GetConsumerListByGroupResponseBody::decode),
            Map.entry("lock-batch-request.json", LockBatchRequestBody::decode),
            Map.entry("lock-batch-response.json", LockBatchResponseBody::decode),
            Map.entry("kv-table.json", KVTable::decode),
            Map.entry("topic-list.json", TopicList::decode),
            Map.entry("data-version.json", DataVersion::decode),
            Map.entry("consumer-offset.json", ConsumerOffsetSerializeWrapper::decode),
            Map.entry("delay-offset.json", DelayOffsetSerializeWrapper::decode),
            Map.entry("subscription-group-wrapper.json", SubscriptionGroupWrapper::decode),
            Map.entry("consumer-connection.json", ConsumerConnection::decode),
            Map.entry("topic-stats-table.json", TopicStatsTable::decode),
            Map.entry("consume-stats.json", ConsumeStats::decode),
            Map.entry("reset-offset.json", ResetOffsetBody::decode));

    static Stream<Arguments> decoders() {
        return DECODERS.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void everyTruncationFails(String fixture, Function<byte[], ?> decoder) {
        byte[] full = Fixtures.compact(Fixtures.text(fixture)).getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length < full.length; length++) {
            byte[] cut = java.util.Arrays.copyOf(full, length);
            assertThatThrownBy(() -> decoder.apply(cut)).as("%s cut at %d", fixture, length)
                    .isInstanceOf(ProtocolException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void garbageFails(String fixture, Function<byte[], ?> decoder) {
        for (byte[] garbage : garbage()) {
            assertThatThrownBy(() -> decoder.apply(garbage)).isInstanceOf(ProtocolException.class);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoders")
    void corruptedBytesNeverThrowAnythingElse(String fixture, Function<byte[], ?> decoder) {
        byte[] full = Fixtures.bytes(fixture);
        Random random = new Random(fixture.hashCode());
        for (int i = 0; i < 300; i++) {
            byte[] copy = full.clone();
            copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
            try {
                decoder.apply(copy);
            } catch (ProtocolException expected) {
                // fine: either it still parses or it is a ProtocolException
            }
        }
    }

    static Stream<Arguments> wronglyTyped() {
        return Stream.of(
                Arguments.of("{\"offsetTable\":[1]}", DECODERS.get("topic-stats-table.json")),
                Arguments.of("{\"offsetTable\":[1]}", DECODERS.get("consume-stats.json")),
                Arguments.of("{\"offsetTable\":{\"T@g\":[1]}}", DECODERS.get("consumer-offset.json")),
                Arguments.of("{\"offsetTable\":{\"x\":1}}", DECODERS.get("delay-offset.json")),
                Arguments.of("{\"offsetTable\":{{\"queueId\":\"x\"}:1}}", DECODERS.get("reset-offset.json")),
                Arguments.of("{\"offsetTable\":{{\"queueId\":0}:{\"maxOffset\":\"x\"}}}",
                        DECODERS.get("topic-stats-table.json")),
                Arguments.of("{\"table\":{\"k\":{}}}", DECODERS.get("kv-table.json")),
                Arguments.of("{\"brokerAddrTable\":{\"x\":3}}", DECODERS.get("cluster-info.json")),
                Arguments.of("{\"brokerDatas\":[{\"brokerAddrs\":{\"master\":\"a\"}}]}",
                        DECODERS.get("topic-route-standard.json")),
                Arguments.of("{\"topicList\":{}}", DECODERS.get("topic-list.json")),
                Arguments.of("{\"consumerDataSet\":[{\"unitMode\":[]}]}", DECODERS.get("heartbeat.json")),
                Arguments.of("{\"topicConfigSerializeWrapper\":{\"topicConfigTable\":{\"T\":{}}}}",
                        DECODERS.get("register-broker-body.json")),
                Arguments.of("{\"counter\":\"many\"}", DECODERS.get("data-version.json")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wronglyTyped")
    void wronglyTypedValuesFail(String json, Function<byte[], ?> decoder) {
        assertThatThrownBy(() -> decoder.apply(json.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(ProtocolException.class).hasMessageStartingWith("cannot parse ");
    }

    private static List<byte[]> garbage() {
        List<byte[]> list = new ArrayList<>();
        for (String text : new String[] {"", "null", "[]", "42", "\"s\"", "{", "}", "{\"a\"", "{,}", "\u0000",
                "{\"a\":}", "{\"a\":1,}x", "\"\\uZZZZ\""}) {
            list.add(text.getBytes(StandardCharsets.UTF_8));
        }
        list.add(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00, 0x7b});
        return list;
    }
}
