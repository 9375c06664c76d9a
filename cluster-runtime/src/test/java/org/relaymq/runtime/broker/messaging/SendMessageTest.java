package org.relaymq.runtime.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.SendMessageResponseHeader;
import org.relaymq.protocol.message.BatchCodec;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.MessageId;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.BrokerRole;

class SendMessageTest {

    @TempDir
    Path dir;
    MessagingFixture f;

    @BeforeEach
    void setUp() {
        f = new MessagingFixture(dir);
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void v2SendAutoCreatesTheTopicAndThePullReturnsTheStoredRecordByteExact() throws Exception {
        RemotingCommand sent = f.send("OrderTopic", 1, "hello", MessageConst.TAGS, "TagA",
                MessageConst.KEYS, "k1", MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX, "UNIQ1");

        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(sent.extFields()).containsEntry("MSG_REGION", "DefaultRegion").containsEntry("TRACE_ON", "true");
        SendMessageResponseHeader h = SendMessageResponseHeader.fromExt(sent.extFields());
        assertThat(h.queueId()).isEqualTo(1);
        assertThat(h.queueOffset()).isZero();
        assertThat(f.topics.find("OrderTopic")).map(TopicConfig::writeQueueNums).contains(4);
        assertThat(f.topicsCreatedCount()).isEqualTo(1);
        MessageId id = MessageId.parse(h.msgId());
        assertThat(id.storeHost().getPort()).isEqualTo(f.server.port());

        RemotingCommand pulled = f.pull("cg", "OrderTopic", 1, 0);
        assertThat(pulled.code()).isEqualTo(ResponseCode.SUCCESS);
        ByteBuffer stored = f.store.selectRecord(id.commitLogOffset()).orElseThrow();
        assertThat(pulled.body()).isEqualTo(bytes(stored));
        StoredMessage m = StoredMessageCodec.decode(ByteBuffer.wrap(pulled.body()));
        assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("hello");
        assertThat(m.topic()).isEqualTo("OrderTopic");
        assertThat(m.bornTimestamp()).isEqualTo(1_600_000_000_000L);
        assertThat(m.bornHost().getAddress().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(m.offsetMsgId()).isEqualTo(h.msgId());
        assertThat(m.propertyMap()).containsEntry(MessageConst.CLUSTER, "DefaultCluster")
                .containsEntry(MessageConst.TAGS, "TagA").doesNotContainKey(MessageConst.WAIT_STORE_MSG_OK);
    }

    @Test
    void longNameSendAndRandomQueueChoice() throws Exception {
        RemotingCommand sent = f.call(RequestCode.SEND_MESSAGE,
                MessagingFixture.sendHeader("LongTopic", -1, MessagingFixture.props("TAGS", "x")).toExt(),
                "b".getBytes(StandardCharsets.UTF_8));
        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(SendMessageResponseHeader.fromExt(sent.extFields()).queueId()).isBetween(0, 3);
    }

    @Test
    void batchIsStoredWithConsecutiveOffsetsAndCommaJoinedIds() throws Exception {
        List<BatchCodec.Entry> entries = List.of(entry("m0", "UNIQ_KEY\u0001U0"), entry("m1", "UNIQ_KEY\u0001U1"),
                entry("m2", "UNIQ_KEY\u0001U2\u0002"));
        RemotingCommand sent = sendBatch("BatchTopic", BatchCodec.encode(entries));

        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS);
        SendMessageResponseHeader h = SendMessageResponseHeader.fromExt(sent.extFields());
        assertThat(h.msgId().split(",")).hasSize(3);
        assertThat(h.queueOffset()).isZero();
        RemotingCommand pulled = f.pull("cg", "BatchTopic", 0, 0);
        List<StoredMessage> msgs = StoredMessageCodec.decodeAll(ByteBuffer.wrap(pulled.body()));
        assertThat(msgs).extracting(StoredMessage::queueOffset).containsExactly(0L, 1L, 2L);
        assertThat(msgs).extracting(StoredMessage::uniqKey).containsExactly("U0", "U1", "U2");
        assertThat(msgs.get(0).propertyMap()).containsEntry(MessageConst.CLUSTER, "DefaultCluster")
                .containsEntry(MessageConst.WAIT_STORE_MSG_OK, "true");
        assertThat(msgs).extracting(StoredMessage::offsetMsgId).containsExactly(h.msgId().split(","));
    }

    @Test
    void badInputIsRefusedWithAClearCodeAndNothingIsStored() throws Exception {
        f.send("Known", 0, "first");
        long before = f.store.commitLogMaxOffset();

        assertRefused(f.send("Known", 0, "x".repeat(17 * 1024)), ResponseCode.MESSAGE_ILLEGAL, "exceeds");
        assertRefused(f.send("bad topic!", 0, "x"), ResponseCode.SYSTEM_ERROR, "illegal characters");
        assertRefused(f.send("SCHEDULE_TOPIC_XXXX", 0, "x"), ResponseCode.NO_PERMISSION, "forbidden");
        assertRefused(f.send("Known", 9, "x"), ResponseCode.SYSTEM_ERROR, "queueId[9] is illegal");
        RemotingCommand garbageProps = f.call(RequestCode.SEND_MESSAGE_V2, withProps("Known", "no-separator"),
                new byte[] {1});
        assertRefused(garbageProps, ResponseCode.MESSAGE_ILLEGAL, "cannot be parsed");
        RemotingCommand hugeProps = f.call(RequestCode.SEND_MESSAGE_V2,
                withProps("Known", "K\u0001" + "v".repeat(33_000)), new byte[] {1});
        assertRefused(hugeProps, ResponseCode.MESSAGE_ILLEGAL, "properties");
        byte[] batch = BatchCodec.encode(List.of(entry("ok", ""), entry("ok2", "")));
        assertRefused(sendBatch("Known", Arrays.copyOf(batch, batch.length - 3)), ResponseCode.MESSAGE_ILLEGAL,
                "batch entry");
        RemotingCommand noTemplate = f.call(RequestCode.SEND_MESSAGE_V2, new org.relaymq.protocol.header
                .SendMessageRequestHeader("pg", "Fresh", "NoSuchTemplate", 4, 0, 0, 1L, 0, "", 0, false, null, false,
                null).toExtV2(), new byte[] {1});
        assertRefused(noTemplate, ResponseCode.TOPIC_NOT_EXIST, "not exist");

        assertThat(f.store.commitLogMaxOffset()).isEqualTo(before);
    }

    @Test
    void aSlaveRefusesSends() throws Exception {
        f.role(BrokerRole.SLAVE);
        assertRefused(f.send("AnyTopic", 0, "x"), ResponseCode.SERVICE_NOT_AVAILABLE, "slave");
    }

    private java.util.Map<String, String> withProps(String topic, String rawProps) {
        return new org.relaymq.protocol.header.SendMessageRequestHeader("pg", topic, "TBW102", 4, 0, 0, 1L, 0,
                rawProps, 0, false, null, false, null).toExtV2();
    }

    private RemotingCommand sendBatch(String topic, byte[] body) throws Exception {
        return f.call(RequestCode.SEND_BATCH_MESSAGE, new org.relaymq.protocol.header.SendMessageRequestHeader("pg",
                topic, "TBW102", 4, 0, 0, 1L, 0, "WAIT\u0001true", 0, false, null, true, null).toExtV2(), body);
    }

    static BatchCodec.Entry entry(String body, String props) {
        return new BatchCodec.Entry(0, body.getBytes(StandardCharsets.UTF_8), props);
    }

    static void assertRefused(RemotingCommand r, int code, String remarkPart) {
        assertThat(r.code()).as(r.remark()).isEqualTo(code);
        assertThat(r.remark()).contains(remarkPart);
    }

    static byte[] bytes(ByteBuffer b) {
        ByteBuffer d = b.duplicate();
        byte[] out = new byte[d.remaining()];
        d.get(out);
        return out;
    }
}
