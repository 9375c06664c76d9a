package org.relaymq.runtime.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.relaymq.protocol.header.SendMessageRequestHeader;
import org.relaymq.protocol.header.SendMessageResponseHeader;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.MessageId;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.protocol.wire.RemotingCommand;

class RetryAndDelayTest {

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
    void aDelayedSendArrivesOnlyWhenDue() throws Exception {
        RemotingCommand sent = f.send("DelayTopic", 2, "later", MessageConst.TAGS, "TagD",
                MessageConst.DELAY_TIME_LEVEL, "2");
        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(SendMessageResponseHeader.fromExt(sent.extFields()).queueId()).isEqualTo(2);
        assertThat(f.store.maxOffsetInQueue(SystemTopics.SCHEDULE_TOPIC, 1)).isEqualTo(1);

        f.clock.advanceMillis(4_999);
        f.services.schedule().tick(f.clock.wallMillis());
        assertThat(f.pull("cg", "DelayTopic", 2, 0).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);

        f.clock.advanceMillis(1);
        f.services.schedule().tick(f.clock.wallMillis());
        StoredMessage m = only(f.pull("cg", "DelayTopic", 2, 0));
        assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("later");
        assertThat(m.propertyMap()).doesNotContainKey(MessageConst.DELAY_TIME_LEVEL)
                .containsEntry(MessageConst.REAL_TOPIC, "DelayTopic").containsEntry(MessageConst.TAGS, "TagD");
        assertThat(f.delayOffsets.offset(2)).isEqualTo(1);
        assertThat(f.pull("cg", "DelayTopic", 2, 0).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(f.services.schedule().tick(f.clock.wallMillis())).as("delivered once").isZero();
    }

    @Test
    void sendBackGoesToTheRetryTopicAfterItsDelayThenToTheDlq() throws Exception {
        long origin = physicalOffset(f.send("Orig", 0, "payload", MessageConst.TAGS, "T1"));
        String originId = MessageId.create(f.ctx.currentStoreHost(), origin);

        assertThat(sendBack(origin, 0, 16).code()).isEqualTo(ResponseCode.SUCCESS);
        String retry = SystemTopics.retryTopic("cg");
        assertThat(f.topics.find(retry)).isPresent();
        f.clock.advanceMillis(9_999);
        f.services.schedule().tick(f.clock.wallMillis());
        assertThat(f.pull("cg", retry, 0, 0).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
        f.clock.advanceMillis(1);
        f.services.schedule().tick(f.clock.wallMillis());

        StoredMessage retried = only(f.pull("cg", retry, 0, 0));
        assertThat(retried.reconsumeTimes()).isEqualTo(1);
        assertThat(new String(retried.body(), StandardCharsets.UTF_8)).isEqualTo("payload");
        assertThat(retried.propertyMap()).containsEntry(MessageConst.RETRY_TOPIC, "Orig")
                .containsEntry(MessageConst.ORIGIN_MESSAGE_ID, originId)
                .containsEntry(MessageConst.WAIT_STORE_MSG_OK, "false").containsEntry(MessageConst.TAGS, "T1");

        assertThat(sendBack(retried.physicalOffset(), 0, 1).code()).isEqualTo(ResponseCode.SUCCESS);
        StoredMessage dead = only(f.pull("cg", SystemTopics.dlqTopic("cg"), 0, 0));
        assertThat(dead.reconsumeTimes()).isEqualTo(2);
        assertThat(dead.propertyMap()).containsEntry(MessageConst.ORIGIN_MESSAGE_ID, originId)
                .doesNotContainKey(MessageConst.DELAY_TIME_LEVEL);
    }

    @Test
    void negativeDelayLevelGoesStraightToTheDlqAndUnknownOffsetsFail() throws Exception {
        long origin = physicalOffset(f.send("Orig", 0, "payload"));
        assertThat(sendBack(origin, -1, 16).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(f.store.maxOffsetInQueue(SystemTopics.dlqTopic("cg"), 0)).isEqualTo(1);
        RemotingCommand missing = sendBack(origin + 1_000_000, 0, 16);
        assertThat(missing.code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(missing.remark()).contains("look message by offset failed");
    }

    @Test
    void aRetrySendConsumedTooOftenIsRedirectedToTheDlq() throws Exception {
        SendMessageRequestHeader h = new SendMessageRequestHeader("CLIENT_INNER_PRODUCER", "%RETRY%cg", "TBW102", 4,
                0, 0, 1L, 0, "RETRY_TOPIC\u0001Orig\u0002DELAY\u00015", 3, false, 3, false, null);
        RemotingCommand r = f.call(RequestCode.SEND_MESSAGE_V2, h.toExtV2(), new byte[] {7});
        assertThat(r.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(f.store.maxOffsetInQueue(SystemTopics.dlqTopic("cg"), 0)).isEqualTo(1);
        assertThat(f.store.maxOffsetInQueue(SystemTopics.SCHEDULE_TOPIC, 4)).isZero();
    }

    @Test
    void unknownGroupWithoutAutoCreationIsRefused() throws Exception {
        f.close();
        f = new MessagingFixture(dir.resolve("noauto"), c -> c, b -> b.autoCreateSubscriptionGroup(false));
        long origin = physicalOffset(f.send("Orig", 0, "payload"));
        assertThat(sendBack(origin, 0, 16).code()).isEqualTo(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST);
    }

    private RemotingCommand sendBack(long offset, int delayLevel, int max) throws Exception {
        return f.call(RequestCode.CONSUMER_SEND_MSG_BACK, new ConsumerSendMsgBackRequestHeader(offset, "cg",
                delayLevel, null, null, false, max).toExt(), null);
    }

    static long physicalOffset(RemotingCommand sent) {
        assertThat(sent.code()).isEqualTo(ResponseCode.SUCCESS);
        return MessageId.parse(SendMessageResponseHeader.fromExt(sent.extFields()).msgId()).commitLogOffset();
    }

    static StoredMessage only(RemotingCommand pulled) {
        assertThat(pulled.code()).as(pulled.remark()).isEqualTo(ResponseCode.SUCCESS);
        List<StoredMessage> msgs = StoredMessageCodec.decodeAll(ByteBuffer.wrap(pulled.body()));
        assertThat(msgs).hasSize(1);
        return msgs.get(0);
    }
}
