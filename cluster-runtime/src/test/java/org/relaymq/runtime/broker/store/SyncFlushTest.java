package org.relaymq.runtime.broker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.runtime.broker.store.TestMessages.message;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.runtime.common.concurrent.Executors2;

class SyncFlushTest {

    @TempDir
    Path dir;

    private StoreFixture open(BlockingFiles files) {
        return StoreFixture.open(dir,
                c -> c.withFlush(FlushDiskType.SYNC_FLUSH, Duration.ofHours(1), Duration.ofSeconds(5)),
                env -> env.withFiles(files));
    }

    @Test
    void concurrentPuttersShareOneForce() throws Exception {
        BlockingFiles files = new BlockingFiles();
        try (StoreFixture f = open(files)) {
            files.closeGate();
            CompletableFuture<PutMessageResult> first = f.store.putAsync(message("T", 0, "first"));
            assertThat(files.forceEntered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<PutMessageResult>> waiting = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                waiting.add(f.store.putAsync(message("T", i % 4, "m" + i)));
            }
            assertThat(first).isNotDone();
            assertThat(waiting).noneMatch(CompletableFuture::isDone);
            int forcesBefore = files.commitLogForces.get();
            files.openGate();
            assertThat(first.get(10, TimeUnit.SECONDS).status()).isEqualTo(PutMessageStatus.PUT_OK);
            for (CompletableFuture<PutMessageResult> w : waiting) {
                assertThat(w.get(10, TimeUnit.SECONDS).status()).isEqualTo(PutMessageStatus.PUT_OK);
            }
            assertThat(files.commitLogForces.get() - forcesBefore).as("one force for the first, one for the rest")
                    .isEqualTo(2);
        }
    }

    @Test
    void blockingPutsFromManyThreadsAllSucceed() throws Exception {
        BlockingFiles files = new BlockingFiles();
        ExecutorService pool = Executors2.fixedBounded("putter", 8, 100);
        try (StoreFixture f = open(files)) {
            List<Future<PutMessageResult>> results = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                int n = i;
                results.add(pool.submit(() -> f.store.put(message("T", n % 4, "m" + n))));
            }
            for (Future<PutMessageResult> r : results) {
                assertThat(r.get(30, TimeUnit.SECONDS).status()).isEqualTo(PutMessageStatus.PUT_OK);
            }
            assertThat(files.commitLogForces.get()).isLessThanOrEqualTo(80);
            assertThat(f.store.stats().flushedOffset()).isEqualTo(f.store.commitLogMaxOffset());
        } finally {
            Executors2.shutdownAndAwait(pool, Duration.ofSeconds(5));
        }
    }

    @Test
    void putThatDoesNotWaitIsAnsweredBeforeTheGroupCommitWhichStillForcesIt() throws Exception {
        BlockingFiles files = new BlockingFiles();
        try (StoreFixture f = open(files)) {
            files.closeGate();
            CompletableFuture<PutMessageResult> waiting = f.store.putAsync(message("T", 0, "waits"), true);
            try {
                assertThat(files.forceEntered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
                // no WAIT property: the broker takes it out of the stored properties and passes it on
                CompletableFuture<PutMessageResult> noWait = f.store.putAsync(message("T", 0, "does not wait"),
                        false);
                assertThat(noWait).as("answered while the disk is still blocked").isDone();
                assertThat(noWait.join().status()).isEqualTo(PutMessageStatus.PUT_OK);
                assertThat(waiting).isNotDone();
                assertThat(f.store.stats().flushedOffset()).isLessThan(f.store.commitLogMaxOffset());
            } finally {
                files.openGate();
            }
            assertThat(waiting.get(10, TimeUnit.SECONDS).status()).isEqualTo(PutMessageStatus.PUT_OK);
            assertThat(files.forceEntered.tryAcquire(10, TimeUnit.SECONDS))
                    .as("the group commit forces the record nobody waits for (no periodic flush within 1 h)")
                    .isTrue();
            assertThat(TestMessages.drain(f.store, "T", 0)).containsExactly("waits", "does not wait");
        }
    }

    @Test
    void slowDiskGivesFlushDiskTimeoutButKeepsTheMessage() throws Exception {
        BlockingFiles files = new BlockingFiles();
        try (StoreFixture f = open(files)) {
            files.closeGate();
            CompletableFuture<PutMessageResult> put = f.store.putAsync(message("T", 0, "slow"));
            assertThat(files.forceEntered.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
            f.clock.advance(Duration.ofSeconds(5));
            PutMessageResult r = put.get(10, TimeUnit.SECONDS);
            assertThat(r.status()).isEqualTo(PutMessageStatus.FLUSH_DISK_TIMEOUT);
            assertThat(r.status().isStored()).isTrue();
            assertThat(r.first().queueOffset()).isZero();
            assertThat(TestMessages.drain(f.store, "T", 0)).containsExactly("slow");
            PutMessageResult noWait = f.store.putAsync(TestMessages.withProperties("T", 0, "nowait",
                    Map.of(MessageConst.WAIT_STORE_MSG_OK, "false"))).get(1, TimeUnit.SECONDS);
            assertThat(noWait.status()).isEqualTo(PutMessageStatus.PUT_OK);
            files.openGate();
        }
    }
}
