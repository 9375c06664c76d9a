package org.relaymq.runtime.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetEarliestMsgStoretimeRequestHeader;
import org.relaymq.protocol.header.GetMaxOffsetRequestHeader;
import org.relaymq.protocol.header.GetMinOffsetRequestHeader;
import org.relaymq.protocol.header.QueryConsumerOffsetRequestHeader;
import org.relaymq.protocol.header.SearchOffsetRequestHeader;
import org.relaymq.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;

class OffsetHandlersTest {

    @TempDir
    Path dir;
    MessagingFixture f;

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void queueOffsetsAndStoreTimes() throws Exception {
        f = new MessagingFixture(dir);
        long t0 = f.clock.wallMillis();
        f.send("T", 0, "m0");
        f.clock.advanceMillis(1_000);
        f.send("T", 0, "m1");
        f.clock.advanceMillis(1_000);
        f.send("T", 0, "m2");

        assertThat(offset(RequestCode.GET_MAX_OFFSET, new GetMaxOffsetRequestHeader("T", 0, null).toExt()))
                .isEqualTo("3");
        assertThat(offset(RequestCode.GET_MAX_OFFSET, new GetMaxOffsetRequestHeader("T", 3, null).toExt()))
                .isEqualTo("0");
        assertThat(offset(RequestCode.GET_MIN_OFFSET, new GetMinOffsetRequestHeader("T", 0, null).toExt()))
                .isEqualTo("0");
        assertThat(offset(RequestCode.SEARCH_OFFSET_BY_TIMESTAMP, new SearchOffsetRequestHeader("T", 0, t0 + 1_000)
                .toExt())).isEqualTo("1");
        RemotingCommand earliest = f.call(RequestCode.GET_EARLIEST_MSG_STORETIME,
                new GetEarliestMsgStoretimeRequestHeader("T", 0, null).toExt(), null);
        assertThat(earliest.extFields()).containsEntry("timestamp", Long.toString(t0));
    }

    @Test
    void consumerOffsetQueryUpdateAndTheHotRule() throws Exception {
        f = new MessagingFixture(dir, c -> c.withHotDataBytes(10_000), b -> b);
        assertThat(queryOffset("cg", "Empty").code()).as("unknown queue starts at 0").isEqualTo(ResponseCode.SUCCESS);
        f.send("T", 0, "young");
        RemotingCommand young = queryOffset("cg", "T");
        assertThat(young.extFields()).containsEntry("offset", "0");

        for (int i = 0; i < 60; i++) {
            f.send("Filler", 0, "x".repeat(200));
        }
        RemotingCommand cold = queryOffset("cg", "T");
        assertThat(cold.code()).isEqualTo(ResponseCode.QUERY_NOT_FOUND);
        assertThat(cold.remark()).isEqualTo("Not found, V3_0_6_SNAPSHOT maybe this group consumer boot first");

        f.call(RequestCode.UPDATE_CONSUMER_OFFSET, new UpdateConsumerOffsetRequestHeader("cg", "T", 0, 1, null)
                .toExt(), null);
        assertThat(queryOffset("cg", "T").extFields()).containsEntry("offset", "1");
    }

    private RemotingCommand queryOffset(String group, String topic) throws Exception {
        return f.call(RequestCode.QUERY_CONSUMER_OFFSET, new QueryConsumerOffsetRequestHeader(group, topic, 0)
                .toExt(), null);
    }

    private String offset(int code, Map<String, String> ext) throws Exception {
        RemotingCommand r = f.call(code, ext, null);
        assertThat(r.code()).isEqualTo(ResponseCode.SUCCESS);
        return r.extFields().get("offset");
    }
}
