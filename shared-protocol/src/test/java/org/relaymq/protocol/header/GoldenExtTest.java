package org.relaymq.protocol.header;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ext maps of protocol.md §2.2 (captured from 4.9.8 clients and brokers), pinned as fixtures. */
class GoldenExtTest {

    private static final SendMessageRequestHeader SEND_V2 = new SendMessageRequestHeader("pg", "TopicTest", "TBW102",
            4, 1, 0, 1_700_000_000_000L, 0,
            "TAGS\u0001TagA\u0002WAIT\u0001true\u0002UNIQ_KEY\u0001C0A8000263F418B4AAC2155D0F1A0000\u0002",
            0, false, null, false, "broker-a");

    @Test
    void sendMessageV2RequestMatchesWhatA498ProducerSends() throws IOException {
        Map<String, String> golden = fixture("send-message-v2-request.ext.json");

        assertThat(SEND_V2.toExtV2()).isEqualTo(golden);
        assertThat(SendMessageRequestHeader.fromExtV2(golden)).isEqualTo(SEND_V2);
    }

    @Test
    void sendMessageV2KeysAreWrittenInAlphabeticalOrderWithoutTheAbsentL() {
        assertThat(SEND_V2.toExtV2().keySet())
                .containsExactly("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "m", "n");
    }

    @Test
    void sendMessageSuccessResponseCarriesRegionAndTraceSwitch() throws IOException {
        Map<String, String> golden = fixture("send-message-response.ext.json");
        SendMessageResponseHeader header = new SendMessageResponseHeader("C0A8000A00002A9F0000000000001A2B", 1, 42L);

        assertThat(header.toExt("DefaultRegion", true)).isEqualTo(golden);
        assertThat(SendMessageResponseHeader.fromExt(golden)).isEqualTo(header);
        assertThat(SendMessageResponseHeader.regionOf(golden)).isEqualTo("DefaultRegion");
        assertThat(SendMessageResponseHeader.traceOnOf(golden)).isTrue();
    }

    @Test
    void regionAndTraceSwitchFallBackLikeTheOfficialClient() {
        assertThat(SendMessageResponseHeader.regionOf(Map.of())).isEqualTo("DefaultRegion");
        assertThat(SendMessageResponseHeader.regionOf(Map.of("MSG_REGION", ""))).isEqualTo("DefaultRegion");
        assertThat(SendMessageResponseHeader.regionOf(Map.of("MSG_REGION", "eu-1"))).isEqualTo("eu-1");
        assertThat(SendMessageResponseHeader.traceOnOf(Map.of())).isTrue();
        assertThat(SendMessageResponseHeader.traceOnOf(Map.of("TRACE_ON", "false"))).isFalse();
    }

    @Test
    void onewayUpdateConsumerOffsetCarriesTheTargetBrokerName() throws IOException {
        Map<String, String> golden = fixture("update-consumer-offset-request.ext.json");
        UpdateConsumerOffsetRequestHeader header =
                new UpdateConsumerOffsetRequestHeader("cg", "TopicTest", 0, 18L, "broker-a");

        assertThat(header.toExt()).isEqualTo(golden);
        assertThat(UpdateConsumerOffsetRequestHeader.fromExt(golden)).isEqualTo(header);
    }

    @Test
    void routeRequestOfA498ClientHasOnlyTheTopic() throws IOException {
        Map<String, String> golden = fixture("get-routeinfo-request.ext.json");
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader("TopicTest", null);

        assertThat(header.toExt()).isEqualTo(golden);
        assertThat(GetRouteInfoRequestHeader.fromExt(golden)).isEqualTo(header);
    }

    @Test
    void queryMessageAlwaysCarriesTheUniqueKeyFlagLikeTheOfficialClient() {
        assertThat(new QueryMessageRequestHeader("T", "k", 32, 1L, 2L, true).toExt())
                .containsEntry("_UNIQUE_KEY_QUERY", "true");
        assertThat(new QueryMessageRequestHeader("T", "k", 64, 1L, 2L, false).toExt())
                .containsEntry("_UNIQUE_KEY_QUERY", "false");
    }

    @Test
    void primitiveBooleansAndTheCrcDefaultWhenAbsent() {
        RegisterBrokerRequestHeader header = RegisterBrokerRequestHeader.fromExt(Map.of("brokerName", "b",
                "brokerAddr", "a:1", "clusterName", "c", "haServerAddr", "a:2", "brokerId", "0"));

        assertThat(header.compressed()).isFalse();
        assertThat(header.bodyCrc32()).isZero();
        assertThat(header.heartbeatTimeoutMillis()).isNull();
        assertThat(header.effectiveHeartbeatTimeoutMillis()).isEqualTo(120_000L);
        assertThat(header.toExt()).containsEntry("compressed", "false").containsEntry("bodyCrc32", "0")
                .doesNotContainKeys("heartbeatTimeoutMillis", "enableActingMaster");
    }

    private static Map<String, String> fixture(String name) throws IOException {
        try (InputStream in = GoldenExtTest.class.getResourceAsStream("/header/" + name)) {
            assertThat(in).as(name).isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Gson().fromJson(json, new TypeToken<Map<String, String>>() { }.getType());
        }
    }
}
