package org.relaymq.runtime.broker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.relaymq.runtime.broker.store.TestMessages.message;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.runtime.broker.store.file.ProcMaps;

/** Deleted segments are unmapped at once, and never while a read is using them. */
class SegmentUnmapTest {

    private static final Duration RESERVED = Duration.ofHours(72);

    @TempDir
    Path dir;

    /** Hours of manual time pass: flush once a minute instead of every 500 ms. */
    private static MessageStoreConfig slowFlush(MessageStoreConfig c) {
        return c.withFlush(FlushDiskType.ASYNC_FLUSH, Duration.ofMinutes(1), Duration.ofSeconds(5));
    }

    private static String body(int i) {
        return "m" + i + "-".repeat(150);
    }

    @Test
    void deletedSegmentIsUnmappedAndItsOffsetsAnswerNotFound() {
        assumeTrue(ProcMaps.isAvailable(), "needs /proc/self/maps");
        try (StoreFixture f = StoreFixture.open(dir, SegmentUnmapTest::slowFlush)) {
            List<AppendResult> old = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                old.add(f.store.put(message("T", 0, body(i), null, "k" + i, null)).first());
            }
            GetMessageResult pulledBefore = f.store.get("g", "T", 0, 0, 4, 1 << 20, MessageFilter.ALL);
            ByteBuffer selectedBefore = f.store.selectRecord(old.get(0).physicalOffset()).orElseThrow();
            Path firstSegment = f.config.commitLogDir().resolve(SegmentList.fileName(0));
            Path firstCq = f.config.consumeQueueDir().resolve("T/0").resolve(SegmentList.fileName(0));
            assertThat(ProcMaps.isMapped(firstSegment)).isTrue();
            assertThat(ProcMaps.isMapped(firstCq)).isTrue();

            f.clock.advance(RESERVED.plusHours(1));
            f.store.put(message("T", 0, "recent"));
            assertThat(f.store.deleteExpiredFiles(f.clock.wallMillis())).isPositive();

            assertThat(firstSegment).doesNotExist();
            assertThat(firstCq).doesNotExist();
            assertThat(ProcMaps.isMapped(firstSegment)).as("commit-log segment unmapped").isFalse();
            assertThat(ProcMaps.isMapped(firstCq)).as("consume-queue file unmapped").isFalse();

            long gone = old.get(0).physicalOffset();
            assertThat(f.store.selectRecord(gone)).isEmpty();
            assertThat(f.store.lookMessageByOffset(gone)).isEmpty();
            assertThatThrownBy(() -> f.store.readCommitLog(gone, 1024)).isInstanceOf(IllegalArgumentException.class);
            assertThat(f.store.get("g", "T", 0, 0, 4, 1 << 20, MessageFilter.ALL).status())
                    .isEqualTo(GetMessageStatus.OFFSET_TOO_SMALL);
            assertThat(f.store.queryMessage("T", "k0", 4, 0, Long.MAX_VALUE).isEmpty()).isTrue();

            assertThat(TestMessages.bodies(pulledBefore)).as("what was read before stays readable")
                    .containsExactly(body(0), body(1), body(2), body(3));
            assertThat(TestMessages.body(StoredMessageCodec.decode(selectedBefore.duplicate()))).isEqualTo(body(0));
        }
    }

    @Test
    void readsRacingWithRetentionFindDataOrACleanMiss() throws Exception {
        int messages = 400;
        int readsPerThread = 3000;
        try (StoreFixture f = StoreFixture.open(dir, SegmentUnmapTest::slowFlush)) {
            long firstStore = f.clock.wallMillis();
            List<AppendResult> appends = new ArrayList<>();
            for (int i = 0; i < messages; i++) {
                appends.add(f.store.put(message("T", 0, body(i), null, "k" + i, null)).first());
                f.clock.advance(Duration.ofSeconds(1));
            }
            Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicInteger reads = new AtomicInteger();
            AtomicInteger hits = new AtomicInteger();
            AtomicInteger misses = new AtomicInteger();
            List<Thread> readers = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                Random random = new Random(t);
                readers.add(new Thread(() -> {
                    try {
                        for (int n = 0; n < readsPerThread; n++) {
                            int i = random.nextInt(messages);
                            boolean hit = readOnce(f.store, random.nextInt(5), i, appends.get(i), firstStore);
                            (hit ? hits : misses).incrementAndGet();
                            reads.incrementAndGet();
                        }
                    } catch (Throwable e) {
                        failures.add(e);
                    }
                }, "unmap-reader-" + t));
            }
            readers.forEach(Thread::start);
            int readsPerStep = 2 * readsPerThread / messages;
            int deleted = 0;
            for (int step = 0; step < messages; step++) {
                while (reads.get() < step * readsPerStep && readers.stream().anyMatch(Thread::isAlive)) {
                    Thread.onSpinWait();
                }
                deleted += f.store.deleteExpiredFiles(firstStore + RESERVED.toMillis() + step * 1000L);
            }
            for (Thread r : readers) {
                r.join(60_000);
            }
            assertThat(failures).isEmpty();
            assertThat(readers).noneMatch(Thread::isAlive);
            assertThat(deleted).as("segments deleted while reading").isGreaterThan(10);
            assertThat(hits.get()).isPositive();
            assertThat(misses.get()).isPositive();
        }
    }

    /** One read of message {@code i} by one of five paths; true when it found the data, false for a clean miss. */
    private static boolean readOnce(MessageStore store, int path, int i, AppendResult a, long firstStore) {
        switch (path) {
            case 0 -> {
                GetMessageResult r = store.get("g", "T", 0, i, 4, 1 << 20, MessageFilter.ALL);
                List<StoredMessage> got = TestMessages.decode(r);
                for (int k = 0; k < got.size(); k++) {
                    assertThat(TestMessages.body(got.get(k))).isEqualTo(body(r.queueOffsets().get(k).intValue()));
                }
                return r.status() == GetMessageStatus.FOUND;
            }
            case 1 -> {
                Optional<StoredMessage> m = store.lookMessageByOffset(a.physicalOffset());
                m.ifPresent(found -> assertThat(TestMessages.body(found)).isEqualTo(body(i)));
                return m.isPresent();
            }
            case 2 -> {
                try {
                    ByteBuffer raw = store.readCommitLog(a.physicalOffset(), 512);
                    assertThat(raw.getInt(0)).as("TOTALSIZE of the record").isEqualTo(a.size());
                    return true;
                } catch (IllegalArgumentException deleted) {
                    return false;
                }
            }
            case 3 -> {
                List<StoredMessage> found = store.queryMessage("T", "k" + i, 1, 0, Long.MAX_VALUE).messages();
                found.forEach(m -> assertThat(TestMessages.body(m)).isEqualTo(body(i)));
                return !found.isEmpty();
            }
            default -> {
                long t = store.messageStoreTime("T", 0, i);
                if (t >= 0) {
                    assertThat(t).isEqualTo(firstStore + i * 1000L);
                }
                return t >= 0;
            }
        }
    }
}
