package org.relaymq.runtime.broker.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.BlockingFiles;
import org.relaymq.runtime.broker.store.FlushDiskType;

/** SEND_MESSAGE_V2 on a SYNC_FLUSH store whose disk the test holds: only {@code WAIT=true} waits for it. */
class SyncFlushSendTest {

    @TempDir
    Path dir;

    @Test
    void sendWithWaitFalseIsAnsweredWhileTheFlushIsHeldAndWaitTrueTimesOut() throws Exception {
        BlockingFiles files = new BlockingFiles();
        try (MessagingFixture f = new MessagingFixture(dir, c -> c, b -> b,
                c -> c.withFlush(FlushDiskType.SYNC_FLUSH, Duration.ofHours(1), Duration.ofSeconds(5)),
                e -> e.withFiles(files))) {
            assertThat(f.send("T", 0, "creates the topic").code()).isEqualTo(ResponseCode.SUCCESS);
            files.forceEntered.drainPermits();
            files.closeGate();
            try {
                assertOnlyWaitTrueWaits(f, files);
            } finally {
                files.openGate();
            }
        }
    }

    private static void assertOnlyWaitTrueWaits(MessagingFixture f, BlockingFiles files) throws Exception {
        CompletableFuture<RemotingCommand> waiting = f.client.invokeAsync(f.addr,
                RemotingCommand.request(RequestCode.SEND_MESSAGE_V2, MessagingFixture.sendHeader("T", 0,
                        MessagingFixture.props(MessageConst.WAIT_STORE_MSG_OK, "true")).toExtV2(),
                        "waits".getBytes(StandardCharsets.UTF_8)), 30_000);
        assertThat(files.forceEntered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();

        RemotingCommand noWait = f.send("T", 0, "does not wait", MessageConst.WAIT_STORE_MSG_OK, "false");
        assertThat(noWait.code()).isEqualTo(ResponseCode.SUCCESS);
        assertThat(waiting).isNotDone();

        f.clock.advance(Duration.ofSeconds(5));
        assertThat(waiting.get(10, TimeUnit.SECONDS).code()).isEqualTo(ResponseCode.FLUSH_DISK_TIMEOUT);
    }
}
