package org.relaymq.runtime.broker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.runtime.broker.store.TestMessages.message;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecoveryTest {

    @TempDir
    Path dir;

    private static List<AppendResult> putMany(StoreFixture f, String topic, int n) {
        List<AppendResult> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(f.store.put(message(topic, 0, "m" + i + "-".repeat(100))).first());
        }
        return out;
    }

    private static List<String> expected(int n) {
        return IntStream.range(0, n).mapToObj(i -> "m" + i + "-".repeat(100)).toList();
    }

    private static Path segmentOf(StoreFixture f, long phys) {
        return f.config.commitLogDir().resolve(SegmentList.fileName(phys - phys % StoreFixture.SEGMENT_SIZE));
    }

    private static void writeAt(Path file, long position, byte[] bytes) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
            raf.seek(position);
            raf.write(bytes);
        }
    }

    /** A half-written record: the file cut (FileChannel) or zeroed (preallocated mapping) mid-record. */
    private static void tear(StoreFixture f, AppendResult last, boolean mapped) throws IOException {
        Path seg = segmentOf(f, last.physicalOffset());
        long cut = last.physicalOffset() % StoreFixture.SEGMENT_SIZE + last.size() / 2;
        if (mapped) {
            writeAt(seg, cut, new byte[(int) (StoreFixture.SEGMENT_SIZE - cut)]);
        } else {
            try (RandomAccessFile raf = new RandomAccessFile(seg.toFile(), "rw")) {
                raf.setLength(cut);
            }
        }
    }

    @ParameterizedTest(name = "memoryMapped={0}")
    @ValueSource(booleans = {true, false})
    void tornLastRecordIsCutAndOffsetsContinue(boolean mapped) throws Exception {
        try (StoreFixture f = StoreFixture.open(dir, c -> c.withMemoryMapped(mapped))) {
            List<AppendResult> appends = putMany(f, "T", 40);
            AppendResult last = appends.get(39);
            f.store.close();
            tear(f, last, mapped);

            DefaultMessageStore s = f.restart();
            assertThat(s.commitLogMaxOffset()).isEqualTo(last.physicalOffset());
            assertThat(s.maxOffsetInQueue("T", 0)).isEqualTo(39);
            assertThat(TestMessages.drain(s, "T", 0)).containsExactlyElementsOf(expected(39));
            AppendResult next = s.put(message("T", 0, "after")).first();
            assertThat(next.physicalOffset()).isEqualTo(last.physicalOffset());
            assertThat(next.queueOffset()).isEqualTo(39);
            assertThat(TestMessages.bodies(s.get("g", "T", 0, 39, 8, 1 << 20, MessageFilter.ALL)))
                    .containsExactly("after");
            assertThat(f.reopen().commitLogMaxOffset()).isEqualTo(next.nextPhysicalOffset());
        }
    }

    @Test
    void garbageAfterTheLastRecordIsIgnoredAndOverwritten() throws Exception {
        try (StoreFixture f = StoreFixture.open(dir)) {
            List<AppendResult> appends = putMany(f, "T", 10);
            long end = appends.get(9).nextPhysicalOffset();
            f.store.close();
            byte[] garbage = new byte[300];
            new Random(7).nextBytes(garbage);
            garbage[4] = (byte) 0xDA;
            writeAt(segmentOf(f, end), end % StoreFixture.SEGMENT_SIZE, garbage);

            DefaultMessageStore s = f.restart();
            assertThat(s.commitLogMaxOffset()).isEqualTo(end);
            assertThat(s.put(message("T", 0, "next")).first().physicalOffset()).isEqualTo(end);
            assertThat(TestMessages.drain(s, "T", 0)).hasSize(11).endsWith("next");
        }
    }

    @Test
    void crashWithoutCloseAndAHalfWrittenConsumeQueueEntry() throws Exception {
        StoreFixture f = StoreFixture.open(dir, c -> c.withMemoryMapped(false));
        List<AppendResult> appends = putMany(f, "T", 12);
        Path cqFile = f.config.consumeQueueDir().resolve("T/0").resolve(SegmentList.fileName(
                8 * CqEntry.SIZE));
        writeAt(cqFile, 4 * CqEntry.SIZE, new byte[] {0, 0, 0, 0, 0, 0, 1, 0, 0, 0});
        AppendResult last = appends.get(11);
        tear(f, last, false);

        DefaultMessageStore s = f.restart();
        try {
            assertThat(s.maxOffsetInQueue("T", 0)).isEqualTo(11);
            assertThat(TestMessages.drain(s, "T", 0)).containsExactlyElementsOf(expected(11));
            assertThat(s.put(message("T", 0, "x")).first().queueOffset()).isEqualTo(11);
        } finally {
            s.close();
        }
    }

    @Test
    void deletedConsumeQueueDirectoryIsRebuiltFromTheCommitLog() throws Exception {
        try (StoreFixture f = StoreFixture.open(dir)) {
            putMany(f, "T", 30);
            f.store.put(TestMessages.tagged("U", 3, "u", "TagU"));
            f.store.close();
            deleteTree(f.config.consumeQueueDir());

            DefaultMessageStore s = f.restart();
            assertThat(s.maxOffsetInQueue("T", 0)).isEqualTo(30);
            assertThat(TestMessages.drain(s, "T", 0)).containsExactlyElementsOf(expected(30));
            assertThat(TestMessages.bodies(s.get("g", "U", 3, 0, 8, 1 << 20, MessageFilter.byTags("TagU"))))
                    .containsExactly("u");
        }
    }

    @Test
    void consumeQueueEntryPointingBeyondTheCommitLogIsDropped() throws Exception {
        try (StoreFixture f = StoreFixture.open(dir)) {
            putMany(f, "T", 5);
            long max = f.store.commitLogMaxOffset();
            f.store.close();
            java.nio.ByteBuffer entry = java.nio.ByteBuffer.allocate(CqEntry.SIZE).putLong(max + 50).putInt(200)
                    .putLong(0);
            writeAt(f.config.consumeQueueDir().resolve("T/0").resolve(SegmentList.fileName(0)), 5 * CqEntry.SIZE,
                    entry.array());

            DefaultMessageStore s = f.restart();
            assertThat(s.maxOffsetInQueue("T", 0)).isEqualTo(5);
            assertThat(s.put(message("T", 0, "sixth")).first().queueOffset()).isEqualTo(5);
            assertThat(TestMessages.drain(s, "T", 0)).hasSize(6).endsWith("sixth");
        }
    }

    @Test
    void indexSurvivesRestartAndTornTail() throws Exception {
        try (StoreFixture f = StoreFixture.open(dir)) {
            long begin = f.clock.wallMillis();
            for (int i = 0; i < 6; i++) {
                f.store.put(message("T", 0, "m" + i, null, "key" + i, null));
            }
            f.store.close();
            DefaultMessageStore s = f.restart();
            AppendResult again = s.put(message("T", 0, "m6", null, "key6", null)).first();
            long end = f.clock.wallMillis();
            assertThat(s.queryMessage("T", "key2", 4, begin, end).messages()).extracting(TestMessages::body)
                    .containsExactly("m2");
            assertThat(s.queryMessage("T", "key6", 4, begin, end).messages()).singleElement()
                    .extracting(m -> m.physicalOffset()).isEqualTo(again.physicalOffset());
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
