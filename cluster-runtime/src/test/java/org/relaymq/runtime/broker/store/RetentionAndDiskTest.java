package org.relaymq.runtime.broker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.runtime.broker.store.TestMessages.message;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionAndDiskTest {

    @TempDir
    Path dir;

    private static long countFiles(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.count();
        }
    }

    /** Hours of manual time pass in these tests: flush once a minute instead of every 500 ms. */
    private static MessageStoreConfig slowFlush(MessageStoreConfig c) {
        return c.withFlush(FlushDiskType.ASYNC_FLUSH, Duration.ofMinutes(1), Duration.ofSeconds(5));
    }

    @Test
    void expiredSegmentsAreDeletedAndMinOffsetsMove() throws Exception {
        try (StoreFixture f = StoreFixture.open(dir, RetentionAndDiskTest::slowFlush)) {
            f.store.put(message("Gone", 0, "only old"));
            for (int i = 0; i < 50; i++) {
                f.store.put(message("T", 0, "old" + i + "-".repeat(150), null, "k" + i, null));
            }
            long segmentsBefore = countFiles(f.config.commitLogDir());
            assertThat(f.store.deleteExpiredFiles(f.clock.wallMillis())).as("nothing is old yet").isZero();

            f.clock.advance(Duration.ofHours(71));
            f.store.put(message("T", 0, "recent"));
            f.clock.advance(Duration.ofHours(2));
            int deleted = f.store.deleteExpiredFiles(f.clock.wallMillis());
            assertThat(deleted).isEqualTo(segmentsBefore - 1);
            assertThat(countFiles(f.config.commitLogDir())).isEqualTo(1);
            long clMin = f.store.commitLogMinOffset();
            assertThat(clMin).isEqualTo((segmentsBefore - 1) * StoreFixture.SEGMENT_SIZE);
            long min = f.store.minOffsetInQueue("T", 0);
            assertThat(f.store.get("g", "T", 0, min, 1, 1 << 20, MessageFilter.ALL).status())
                    .isEqualTo(GetMessageStatus.FOUND);
            assertThat(f.store.minOffsetInQueue("Gone", 0)).isEqualTo(f.store.maxOffsetInQueue("Gone", 0));
            assertThat(countFiles(f.config.consumeQueueDir().resolve("T/0"))).isLessThan(7);

            f.clock.advance(Duration.ofHours(73));
            assertThat(f.store.deleteExpiredFiles(f.clock.wallMillis())).as("the current segment stays").isZero();
        }
    }

    @Test
    void periodicCleanupDeletesWhenTheDiskIsUnderPressure() {
        AtomicReference<Double> usage = new AtomicReference<>(0.10);
        try (StoreFixture f = StoreFixture.open(dir, c -> slowFlush(c).withRetention(Duration.ofHours(1), ""),
                env -> env.withDiskUsage(p -> usage.get()))) {
            for (int i = 0; i < 40; i++) {
                f.store.put(message("T", 0, "m" + i + "-".repeat(150)));
            }
            f.clock.advance(Duration.ofHours(2));
            f.store.put(message("T", 0, "new"));
            long min = f.store.commitLogMinOffset();
            f.clock.advance(Duration.ofSeconds(10));
            assertThat(f.store.commitLogMinOffset()).as("no delete hour configured").isEqualTo(min);
            usage.set(0.80);
            f.clock.advance(Duration.ofSeconds(10));
            assertThat(f.store.commitLogMinOffset()).isGreaterThan(min);
        }
    }

    @Test
    void fullDiskRefusesPutsButServesReads() {
        AtomicReference<Double> usage = new AtomicReference<>(0.50);
        try (StoreFixture f = StoreFixture.open(dir, c -> c, env -> env.withDiskUsage(p -> usage.get()))) {
            f.store.put(message("T", 0, "before"));
            usage.set(0.93);
            f.clock.advance(Duration.ofSeconds(10));
            PutMessageResult refused = f.store.put(message("T", 0, "refused"));
            assertThat(refused.status()).isEqualTo(PutMessageStatus.SERVICE_NOT_AVAILABLE);
            assertThat(refused.reason()).isEqualTo("disk full: " + dir + " is 93% used (limit 90%)");
            assertThat(f.store.diskUsage().isFull()).isTrue();
            assertThat(TestMessages.drain(f.store, "T", 0)).containsExactly("before");
            usage.set(0.89);
            assertThat(f.store.diskUsage().isFull()).isFalse();
            assertThat(f.store.put(message("T", 0, "after")).status()).isEqualTo(PutMessageStatus.PUT_OK);
        }
    }
}
