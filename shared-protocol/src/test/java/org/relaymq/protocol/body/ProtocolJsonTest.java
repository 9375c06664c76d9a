package org.relaymq.protocol.body;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;

class ProtocolJsonTest {

    @Test
    void plainGson211ReadsUnquotedNumericKeysByDefault() {
        Map<Long, String> addrs = new Gson().fromJson("{0:\"a:1\",1:\"b:2\"}",
                new TypeToken<Map<Long, String>>() { }.getType());
        assertThat(addrs).containsEntry(0L, "a:1").containsEntry(1L, "b:2");
    }

    @Test
    void decodeAcceptsUnquotedAndQuotedNumericKeys() {
        String json = "{\"brokerAddrs\":{0:\"a:1\",\"1\":\"b:2\"},\"brokerName\":\"b\",\"cluster\":\"c\"}";
        BrokerData data = ProtocolJson.decode(json.getBytes(), BrokerData.class);
        assertThat(data.brokerAddrs()).containsEntry(0L, "a:1").containsEntry(1L, "b:2");
    }

    @Test
    void keysAreSortedAndNumericKeysSortNumerically() {
        DelayOffsetSerializeWrapper delay = new DelayOffsetSerializeWrapper(Map.of(10, 1L, 2, 2L, 1, 3L));
        assertThat(ProtocolJson.toJson(delay, false)).isEqualTo("{\"offsetTable\":{1:3,2:2,10:1}}");
        assertThat(ProtocolJson.toJson(delay)).isEqualTo("{\"offsetTable\":{\"1\":3,\"2\":2,\"10\":1}}");
    }

    @Test
    void numericLookingStringKeysStayQuotedInFastjsonStyle() {
        KVTable table = new KVTable(Map.of("123", "x"));
        assertThat(ProtocolJson.toJson(table, false)).isEqualTo("{\"table\":{\"123\":\"x\"}}");
    }

    @Test
    void keysFromOutsideCannotPassForRawKeys() {
        KVTable table = new KVTable(Map.of("\u0001}:1,{", "v"));
        assertThat(ProtocolJson.toJson(table, false)).isEqualTo("{\"table\":{\"\\u0001}:1,{\":\"v\"}}");
        assertThat(KVTable.decode(table.encode())).isEqualTo(table);
    }

    @Test
    void nullsAreOmittedAndHtmlIsNotEscaped() {
        TopicList list = new TopicList(null, java.util.Set.of("<a&b='c'>"));
        assertThat(ProtocolJson.toJson(list)).isEqualTo("{\"topicList\":[\"<a&b='c'>\"]}");
    }

    @Test
    void stringsAreEscapedAndRoundTrip() {
        String nasty = "q\"b\\s/\n\t\u0001é中";
        KVTable table = new KVTable(Map.of("k", nasty));
        String json = ProtocolJson.toJson(table);
        assertThat(json).isEqualTo("{\"table\":{\"k\":\"q\\\"b\\\\s/\\n\\t\\u0001é中\"}}");
        assertThat(KVTable.decode(ProtocolJson.encode(table)).table()).containsEntry("k", nasty);
        assertThat(ProtocolJson.decodeNonStandard(ProtocolJson.encode(table), KVTable.class)).isEqualTo(table);
    }

    @Test
    void decodeNonStandardReadsInlineObjectKeysWithAnyLayoutAndKeyOrder() {
        String json = " { \"offsetTable\" : { { \"topic\" : \"T\" , \"queueId\" : 3 , \"brokerName\" : \"b\" } :"
                + " 42 } } ";
        ResetOffsetBody body = ResetOffsetBody.decode(json.getBytes());
        assertThat(body.offsetTable()).containsExactly(Map.entry(MessageQueue.of("T", "b", 3), 42L));
    }

    @Test
    void decodeNonStandardAlsoReadsKeysQuotedAsStrings() {
        String key = "{\\\"brokerName\\\":\\\"b\\\",\\\"queueId\\\":0,\\\"topic\\\":\\\"T\\\"}";
        String json = "{\"offsetTable\":{\"" + key + "\":7}}";
        assertThat(ResetOffsetBody.decode(json.getBytes()).offsetTable())
                .containsEntry(MessageQueue.of("T", "b", 0), 7L);
    }

    @Test
    void decodeNonStandardHandlesNumbersLiteralsAndUnquotedKeys() {
        String json = "{\"consumeTps\":-1.5e1,\"offsetTable\":{},\"x\":[true,false,null,{a:1}]}";
        ConsumeStats stats = ConsumeStats.decode(json.getBytes());
        assertThat(stats.consumeTps()).isEqualTo(-15.0);
        assertThat(stats.offsetTable()).isEmpty();
    }

    @Test
    void unknownKeysAreIgnored() {
        String json = "{\"groupName\":\"pg\",\"future\":{\"deep\":[1,2,{\"x\":null}]}}";
        assertThat(ProtocolJson.decode(json.getBytes(), ProducerData.class)).isEqualTo(new ProducerData("pg"));
    }

    @Test
    void failuresAreProtocolExceptionsNamingTheType() {
        assertThatThrownBy(() -> ProtocolJson.decode("{\"table\":".getBytes(), KVTable.class))
                .isInstanceOf(ProtocolException.class)
                .hasMessageStartingWith("cannot parse KVTable body: ")
                .satisfies(e -> assertThat(((ProtocolException) e).responseCode())
                        .isEqualTo(ResponseCode.SYSTEM_ERROR));
        assertThatThrownBy(() -> ProtocolJson.decode(new byte[0], KVTable.class))
                .hasMessage("cannot parse KVTable body: empty body");
        assertThatThrownBy(() -> ProtocolJson.decode("null".getBytes(), KVTable.class))
                .isInstanceOf(ProtocolException.class);
        assertThatThrownBy(() -> ProtocolJson.decode("{} trailing".getBytes(), KVTable.class))
                .isInstanceOf(ProtocolException.class);
    }

    @Test
    void deepNestingIsRejectedNotOverflowed() {
        String deep = "[".repeat(100_000);
        assertThatThrownBy(() -> ProtocolJson.decodeNonStandard(deep.getBytes(), TopicStatsTable.class))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("nesting");
    }

    @Test
    void topicRouteStyleFollowsRequesterVersion() {
        assertThat(TopicRouteData.standardJsonFor(401, null)).isTrue();
        assertThat(TopicRouteData.standardJsonFor(400, null)).isFalse();
        assertThat(TopicRouteData.standardJsonFor(399, Boolean.TRUE)).isTrue();
        assertThat(TopicRouteData.STANDARD_JSON_MIN_VERSION).isEqualTo(401);
    }
}
