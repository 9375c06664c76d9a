package org.relaymq.runtime.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.common.time.TimeSource;

class LongPollingTest {

    static final int SUSPEND_SUB = PullFilters.FLAG_SUSPEND | PullFilters.FLAG_SUBSCRIPTION;

    @TempDir
    Path dir;
    MessagingFixture f;

    @BeforeEach
    void setUp() {
        f = new MessagingFixture(dir);
        f.topics.createOrUpdate(TopicConfig.of("Polled", 2, PermName.READ_WRITE));
    }

    @AfterEach
    void tearDown() throws Exception {
        f.close();
    }

    @Test
    void aHeldPullIsAnsweredWhenAMatchingMessageArrives() throws Exception {
        CompletableFuture<RemotingCommand> pending = holdPull(f.client, "TagA", 15_000);

        f.send("Polled", 0, "other tag", MessageConst.TAGS, "TagB");
        assertThat(f.services.longPolling().heldCount()).isEqualTo(1);
        f.send("Polled", 1, "other queue", MessageConst.TAGS, "TagA");
        assertThat(pending).isNotDone();

        f.send("Polled", 0, "wanted", MessageConst.TAGS, "TagA");
        RemotingCommand r = pending.get(5, TimeUnit.SECONDS);
        assertThat(r.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(StoredMessageCodec.decodeAll(ByteBuffer.wrap(r.body()))).extracting(m -> m.tags())
                .containsExactly("TagA");
        assertThat(org.relaymq.protocol.header.PullMessageResponseHeader.fromExt(r.extFields()).nextBeginOffset()).isEqualTo(2);
    }

    @Test
    void aHeldPullAnswersNotFoundWhenItsSuspendTimeEnds() throws Exception {
        CompletableFuture<RemotingCommand> pending = holdPull(f.client, "*", 1_000);

        f.clock.advanceMillis(999);
        assertThat(pending).isNotDone();
        f.clock.advanceMillis(1);
        RemotingCommand r = pending.get(5, TimeUnit.SECONDS);
        PullMessageTest.assertPull(r, ResponseCode.PULL_NOT_FOUND, 0, 0, 0, null);
        assertThat(f.services.longPolling().heldCount()).isZero();
    }

    @Test
    void theHoldNeverExceedsTheConfiguredMaximum() throws Exception {
        CompletableFuture<RemotingCommand> pending = holdPull(f.client, "*", 60_000);
        f.clock.advanceMillis(25_000);
        assertThat(pending.get(5, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.PULL_NOT_FOUND);
    }

    @Test
    void aHeldPullOfAClosedConnectionIsDroppedByTheSweep() throws Exception {
        NettyRemotingClient other = new NettyRemotingClient(RemotingClientConfig.defaults().withName("other"),
                f.clock, TimeSource.system());
        holdPull(other, "*", 20_000);
        other.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> {
            f.clock.advanceMillis(5_000);
            return f.services.longPolling().heldCount() == 0;
        });
    }

    private CompletableFuture<RemotingCommand> holdPull(NettyRemotingClient client, String sub, long suspend) {
        int before = f.services.longPolling().heldCount();
        CompletableFuture<RemotingCommand> pending = client.invokeAsync(f.addr, RemotingCommand.request(
                RequestCode.PULL_MESSAGE, MessagingFixture.pullHeader("cg", "Polled", 0, 0, SUSPEND_SUB, suspend, sub)
                        .toExt()), 30_000);
        await().atMost(Duration.ofSeconds(5)).until(() -> f.services.longPolling().heldCount() == before + 1);
        assertThat(pending).isNotDone();
        return pending;
    }
}
