package org.relaymq.runtime.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumeStats;
import org.relaymq.protocol.body.KVTable;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.OffsetWrapper;
import org.relaymq.protocol.body.TopicStatsTable;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.header.DeleteTopicRequestHeader;
import org.relaymq.protocol.header.GetConsumeStatsRequestHeader;
import org.relaymq.protocol.header.GetTopicStatsInfoRequestHeader;
import org.relaymq.protocol.header.QueryMessageRequestHeader;
import org.relaymq.protocol.header.QueryMessageResponseHeader;
import org.relaymq.protocol.header.ViewMessageRequestHeader;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.telemetry.EventSink;

class QueryAndAdminTest {

    @TempDir
    Path dir;
    MessagingFixture f;
    long phys;

    @BeforeEach
    void setUp() throws Exception {
        f = new MessagingFixture(dir);
        phys = RetryAndDelayTest.physicalOffset(f.send("T", 0, "indexed", MessageConst.KEYS, "k1 k2",
                MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ-1"));
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void queryByKeyAndByUniqueKey() throws Exception {
        RemotingCommand byKey = query("k2", false);
        assertThat(byKey.code()).isEqualTo(ResponseCode.SUCCESS);
        QueryMessageResponseHeader h = QueryMessageResponseHeader.fromExt(byKey.extFields());
        assertThat(h.indexLastUpdatePhyoffset()).isGreaterThanOrEqualTo(phys);
        assertThat(decode(byKey.body())).extracting(StoredMessage::physicalOffset).containsExactly(phys);
        assertThat(decode(query("UNIQ-1", true).body())).extracting(StoredMessage::uniqKey).containsExactly("UNIQ-1");
        RemotingCommand none = query("nope", false);
        assertThat(none.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(none.remark()).isEqualTo("can not find message, maybe time range not correct");
    }

    @Test
    void viewByPhysicalOffset() throws Exception {
        RemotingCommand view = f.call(RequestCode.VIEW_MESSAGE_BY_ID, new ViewMessageRequestHeader(phys).toExt(), null);
        assertThat(view.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(view.body()).isEqualTo(SendMessageTest.bytes(f.store.selectRecord(phys).orElseThrow()));
        RemotingCommand missing = f.call(RequestCode.VIEW_MESSAGE_BY_ID, new ViewMessageRequestHeader(phys + 5)
                .toExt(), null);
        assertThat(missing.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
    }

    @Test
    void runtimeInfoTopicStatsAndConsumeStats() throws Exception {
        Map<String, String> kv = KVTable.decode(f.call(RequestCode.GET_BROKER_RUNTIME_INFO, null, null).body())
                .table();
        assertThat(kv).containsEntry("msgPutTotalTodayNow", "1").containsEntry("brokerRole", "ASYNC_MASTER")
                .containsEntry("brokerVersionDesc", "V4_9_8").containsKeys("putTps", "getTransferedTps",
                        "commitLogMaxOffset", "commitLogDiskRatio", "bootTimestamp", "earliestMessageTimeStamp");
        assertThat(kv.get("putTps").split(" ")).hasSize(3);

        TopicStatsTable stats = TopicStatsTable.decode(f.call(RequestCode.GET_TOPIC_STATS_INFO,
                new GetTopicStatsInfoRequestHeader("T").toExt(), null).body());
        assertThat(stats.offsetTable()).hasSize(4);
        assertThat(stats.offsetTable().get(new MessageQueue("broker-a", 0, "T")).maxOffset()).isEqualTo(1);
        assertThat(f.call(RequestCode.GET_TOPIC_STATS_INFO, new GetTopicStatsInfoRequestHeader("Nope").toExt(), null)
                .code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);

        f.offsets.commitOffset("cg", "T", 0, 1);
        ConsumeStats consume = ConsumeStats.decode(f.call(RequestCode.GET_CONSUME_STATS,
                new GetConsumeStatsRequestHeader("cg", null).toExt(), null).body());
        assertThat(consume.offsetTable()).hasSize(4);
        OffsetWrapper q0 = consume.offsetTable().get(new MessageQueue("broker-a", 0, "T"));
        assertThat(q0.brokerOffset()).isEqualTo(1);
        assertThat(q0.consumerOffset()).isEqualTo(1);
        assertThat(q0.lastTimestamp()).isEqualTo(f.clock.wallMillis());
    }

    @Test
    void deleteTopicForgetsConfigOffsetsAndQueues() throws Exception {
        f.offsets.commitOffset("cg", "T", 0, 1);
        int hooks = f.topicsCreatedCount();
        RemotingCommand r = f.call(RequestCode.DELETE_TOPIC_IN_BROKER, new DeleteTopicRequestHeader("T").toExt(), null);
        assertThat(r.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(f.topics.find("T")).isEmpty();
        assertThat(f.offsets.queryOffset("cg", "T", 0)).isEqualTo(-1);
        assertThat(f.store.maxOffsetInQueue("T", 0)).isZero();
        assertThat(f.topicsCreatedCount()).isEqualTo(hooks + 1);
    }

    @Test
    void storeStatsArePublishedEverySecond() throws Exception {
        List<JsonObject> events = new ArrayList<>();
        EventSink sink = new EventSink() {
            @Override
            public void publish(String kind, JsonObject data) {
                assertThat(kind).isEqualTo(EventKind.STORE_STATS);
                events.add(data);
            }

            @Override
            public long lastSeq() {
                return events.size();
            }
        };
        try (StoreStatsService stats = new StoreStatsService(f.store, sink, f.clock, f.clock, Duration.ofSeconds(1),
                ZoneOffset.UTC).start()) {
            f.send("T", 1, "a");
            f.send("T", 1, "b");
            f.clock.advanceMillis(1_000);
            assertThat(events).hasSize(2);
            assertThat(events.get(1).get("putPerSecond").getAsDouble()).isEqualTo(2.0);
            assertThat(events.get(1).get("commitLogMaxOffset").getAsLong()).isEqualTo(f.store.commitLogMaxOffset());
            assertThat(stats.putTps(10_000)).isEqualTo(2.0);
        }
    }

    private RemotingCommand query(String key, boolean unique) throws Exception {
        return f.call(RequestCode.QUERY_MESSAGE, new QueryMessageRequestHeader("T", key, 10, 0, Long.MAX_VALUE,
                unique).toExt(), null);
    }

    private static List<StoredMessage> decode(byte[] body) {
        return StoredMessageCodec.decodeAll(ByteBuffer.wrap(body));
    }
}
