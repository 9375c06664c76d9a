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
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.SubscriptionData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.PullMessageRequestHeader;
import org.relaymq.protocol.header.PullMessageResponseHeader;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.BrokerRole;

class PullMessageTest {

    @TempDir
    Path dir;
    MessagingFixture f;

    @BeforeEach
    void setUp() throws Exception {
        f = new MessagingFixture(dir);
        f.send("T", 0, "a0", MessageConst.TAGS, "TagA");
        f.send("T", 0, "b1", MessageConst.TAGS, "TagB");
        f.send("T", 0, "a2", MessageConst.TAGS, "TagA");
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void everyStatusCarriesTheFourHeaderFields() throws Exception {
        assertPull(f.pull("cg", "T", 0, 0), ResponseCode.SUCCESS, 3, 0, 3, "FOUND");
        assertPull(f.pull("cg", "T", 0, 3), ResponseCode.PULL_NOT_FOUND, 3, 0, 3, "OFFSET_OVERFLOW_ONE");
        assertPull(f.pull("cg", "T", 0, 7), ResponseCode.PULL_OFFSET_MOVED, 3, 0, 3, "OFFSET_OVERFLOW_BADLY");
        assertPull(f.pull("cg", "T", 1, 0), ResponseCode.PULL_NOT_FOUND, 0, 0, 0, null);
        assertPull(f.pull("cg", "T", 1, 5), ResponseCode.PULL_OFFSET_MOVED, 0, 0, 0, null);
    }

    @Test
    void tagsAreFilteredOnTheBrokerAndFilteredEntriesAreConsumed() throws Exception {
        RemotingCommand r = pullWith("cg", 0, "TagB");
        assertPull(r, ResponseCode.SUCCESS, 3, 0, 3, "FOUND");
        List<StoredMessage> msgs = StoredMessageCodec.decodeAll(ByteBuffer.wrap(r.body()));
        assertThat(msgs).extracting(m -> new String(m.body(), StandardCharsets.UTF_8)).containsExactly("b1");

        RemotingCommand none = pullWith("cg", 2, "TagB");
        assertPull(none, ResponseCode.PULL_RETRY_IMMEDIATELY, 3, 0, 3, "NO_MATCHED_MESSAGE");
    }

    @Test
    void withoutSubscriptionFlagTheHeartbeatRegistrationDecides() throws Exception {
        assertThat(pullRegistered("cg", 0, 0).code()).isEqualTo(ResponseCode.SUBSCRIPTION_NOT_EXIST);
        f.registerConsumer("cg", MessageModel.CLUSTERING, SubscriptionData.of("Other", "*", 100));
        assertThat(pullRegistered("cg", 0, 0).remark()).contains("subscription not exist");
        f.registerConsumer("cg", MessageModel.CLUSTERING, SubscriptionData.of("T", "TagA", 100));
        assertThat(pullRegistered("cg", 0, 200).code()).isEqualTo(ResponseCode.SUBSCRIPTION_NOT_LATEST);
        RemotingCommand ok = pullRegistered("cg", 0, 100);
        assertThat(ok.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(StoredMessageCodec.decodeAll(ByteBuffer.wrap(ok.body()))).extracting(StoredMessage::tags)
                .containsExactly("TagA", "TagA");
    }

    @Test
    void checksAndOffsetCommit() throws Exception {
        assertThat(f.pull("cg", "Nope", 0, 0).code()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(f.pull("cg", "T", 4, 0).code()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        PullMessageRequestHeader h = new PullMessageRequestHeader("cg", "T", 0, 1, 32,
                PullFilters.FLAG_SUBSCRIPTION | PullFilters.FLAG_COMMIT_OFFSET, 2, 0, "*", 0, "TAG");
        assertThat(f.call(RequestCode.PULL_MESSAGE, h.toExt(), null).code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(f.offsets.queryOffset("cg", "T", 0)).isEqualTo(2);
        assertThat(f.groups.find("cg")).isPresent();
    }

    @Test
    void aSlaveTurnsOffsetMovedIntoRetryKeepingTheOffset() throws Exception {
        f.role(BrokerRole.SLAVE);
        RemotingCommand r = f.pull("cg", "T", 0, 7);
        assertThat(r.code()).isEqualTo(ResponseCode.PULL_RETRY_IMMEDIATELY);
        assertThat(PullMessageResponseHeader.fromExt(r.extFields()).nextBeginOffset()).isEqualTo(7);
    }

    @Test
    void slaveReadSuggestsTheSlaveToALaggingConsumer() throws Exception {
        f.close();
        f = new MessagingFixture(dir.resolve("lag"), c -> c.withSlaveRead(true, 10), b -> b);
        f.send("T", 0, "first");
        f.send("T", 0, "second");
        RemotingCommand lagging = f.call(RequestCode.PULL_MESSAGE, MessagingFixture.pullHeader("cg", "T", 0, 0,
                PullFilters.FLAG_SUBSCRIPTION, 0, "*").toExt(), null);
        assertThat(PullMessageResponseHeader.fromExt(lagging.extFields()).suggestWhichBrokerId()).isEqualTo(1);
    }

    private RemotingCommand pullWith(String group, long offset, String sub) throws Exception {
        return f.call(RequestCode.PULL_MESSAGE, MessagingFixture.pullHeader(group, "T", 0, offset,
                PullFilters.FLAG_SUBSCRIPTION, 0, sub).toExt(), null);
    }

    private RemotingCommand pullRegistered(String group, long offset, long subVersion) throws Exception {
        PullMessageRequestHeader h = new PullMessageRequestHeader(group, "T", 0, offset, 32, 0, 0, 0, null,
                subVersion, null);
        return f.call(RequestCode.PULL_MESSAGE, h.toExt(), null);
    }

    static void assertPull(RemotingCommand r, int code, long next, long min, long max, String remark) {
        assertThat(r.code()).as(r.remark()).isEqualTo(code);
        PullMessageResponseHeader h = PullMessageResponseHeader.fromExt(r.extFields());
        assertThat(h.nextBeginOffset()).isEqualTo(next);
        assertThat(h.minOffset()).isEqualTo(min);
        assertThat(h.maxOffset()).isEqualTo(max);
        assertThat(h.suggestWhichBrokerId()).isZero();
        if (remark != null) {
            assertThat(r.remark()).isEqualTo(remark);
        }
    }
}
