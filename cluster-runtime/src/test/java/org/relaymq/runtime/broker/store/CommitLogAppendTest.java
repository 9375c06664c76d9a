package org.relaymq.runtime.broker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.runtime.broker.store.TestMessages.message;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relaymq.protocol.message.MessageId;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;

class CommitLogAppendTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "memoryMapped={0}")
    @ValueSource(booleans = {true, false})
    void appendsAcrossSegmentsWithBlankMarkerAndReadsEverythingBack(boolean mapped) throws Exception {
        try (StoreFixture f = StoreFixture.open(dir, c -> c.withMemoryMapped(mapped))) {
            List<AppendResult> appends = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                PutMessageResult r = f.store.put(message("T", 0, "body-" + i + "-" + "x".repeat(100)));
                assertThat(r.status()).isEqualTo(PutMessageStatus.PUT_OK);
                appends.add(r.first());
            }
            assertThat(appends).extracting(AppendResult::queueOffset)
                    .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 60).boxed().toList());
            assertThat(f.store.commitLogMaxOffset()).isGreaterThan(2L * StoreFixture.SEGMENT_SIZE);
            for (AppendResult a : appends) {
                long inSegment = a.physicalOffset() % StoreFixture.SEGMENT_SIZE;
                assertThat(inSegment + a.size() + 8).isLessThanOrEqualTo(StoreFixture.SEGMENT_SIZE);
            }
            assertSegmentsEndWithBlank(f, appends);
            List<String> names;
            try (Stream<Path> s = Files.list(f.config.commitLogDir())) {
                names = s.map(p -> p.getFileName().toString()).sorted().toList();
            }
            assertThat(names.get(0)).isEqualTo("00000000000000000000");
            assertThat(names.get(1)).isEqualTo(String.format("%020d", StoreFixture.SEGMENT_SIZE));

            GetMessageResult firstFile = f.store.get("g", "T", 0, 0, 100, Integer.MAX_VALUE, MessageFilter.ALL);
            assertThat(firstFile.messageCount()).as("one pull scans one ConsumeQueue file")
                    .isEqualTo(StoreFixture.CQ_ENTRIES_PER_FILE);
            List<String> bodies = TestMessages.drain(f.store, "T", 0);
            assertThat(bodies).hasSize(60);
            for (int i = 0; i < 60; i++) {
                assertThat(bodies.get(i)).startsWith("body-" + i + "-");
            }
        }
    }

    private static void assertSegmentsEndWithBlank(StoreFixture f, List<AppendResult> appends) {
        AppendResult firstOfSecond = appends.stream()
                .filter(a -> a.physicalOffset() >= StoreFixture.SEGMENT_SIZE).findFirst().orElseThrow();
        assertThat(firstOfSecond.physicalOffset()).isEqualTo(StoreFixture.SEGMENT_SIZE);
        AppendResult lastOfFirst = appends.get(appends.indexOf(firstOfSecond) - 1);
        long blankAt = lastOfFirst.nextPhysicalOffset();
        ByteBuffer raw = f.store.readCommitLog(blankAt, 8);
        assertThat(raw.getInt(4)).isEqualTo(StoredMessageCodec.BLANK_MAGIC_CODE);
        assertThat(raw.getInt(0)).isEqualTo((int) (StoreFixture.SEGMENT_SIZE - blankAt));
    }

    @Test
    void putAssignsOffsetsStoreTimeCrcAndOffsetMsgId() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            f.store.put(message("A", 0, "first"));
            StoredMessage in = message("A", 1, "second").toBuilder().bodyCrc(12345).build();
            AppendResult a = f.store.put(in).first();
            StoredMessage stored = f.store.lookMessageByOffset(a.physicalOffset()).orElseThrow();
            assertThat(stored.physicalOffset()).isEqualTo(a.physicalOffset());
            assertThat(stored.queueOffset()).isZero();
            assertThat(stored.storeTimestamp()).isEqualTo(f.clock.wallMillis()).isEqualTo(a.storeTimestamp());
            assertThat(stored.bodyCrc()).isEqualTo(StoredMessageCodec.bodyCrc("second".getBytes()));
            assertThat(MessageId.parse(a.offsetMsgId()).commitLogOffset()).isEqualTo(a.physicalOffset());
            assertThat(f.store.lookMessageByOffset(a.physicalOffset() + 1)).isEmpty();
        }
    }

    @Test
    void batchGetsConsecutiveQueueOffsetsInOneSegment() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            f.store.put(message("B", 2, "x".repeat(3000)));
            List<StoredMessage> batch = List.of(message("B", 2, "b0" + "y".repeat(300)),
                    message("B", 2, "b1" + "y".repeat(300)), message("B", 2, "b2" + "y".repeat(300)));
            PutMessageResult r = f.store.putBatch(batch);
            assertThat(r.status()).isEqualTo(PutMessageStatus.PUT_OK);
            assertThat(r.appends()).extracting(AppendResult::queueOffset).containsExactly(1L, 2L, 3L);
            assertThat(r.first().physicalOffset()).isEqualTo(StoreFixture.SEGMENT_SIZE);
            assertThat(r.offsetMsgIds().split(",")).hasSize(3);
            GetMessageResult got = f.store.get("g", "B", 2, 1, 10, Integer.MAX_VALUE, MessageFilter.ALL);
            assertThat(TestMessages.bodies(got)).extracting(s -> s.substring(0, 2)).containsExactly("b0", "b1", "b2");
        }
    }

    @Test
    void rejectsOversizedMessagesBatchesAndProperties() {
        try (StoreFixture f = StoreFixture.open(dir, c -> c.withMaxMessageSize(2000))) {
            assertThat(f.store.put(message("C", 0, "z".repeat(2500))).status())
                    .isEqualTo(PutMessageStatus.MESSAGE_ILLEGAL);
            List<StoredMessage> tooBig = List.of(message("C", 0, "z".repeat(1500)), message("C", 0, "z".repeat(1500)),
                    message("C", 0, "z".repeat(1500)));
            assertThat(f.store.putBatch(tooBig).status()).isEqualTo(PutMessageStatus.MESSAGE_ILLEGAL);
            StoredMessage bigProps = TestMessages.withProperties("C", 0, "b",
                    java.util.Map.of("K", "v".repeat(40000)));
            assertThat(f.store.put(bigProps).status()).isEqualTo(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED);
            assertThat(f.store.commitLogMaxOffset()).isZero();
            assertThat(f.store.stats().putFailures()).isEqualTo(3);
        }
    }

    @Test
    void putsAfterCloseAreRefused() {
        StoreFixture f = StoreFixture.open(dir);
        f.close();
        f.close();
        PutMessageResult r = f.store.put(message("T", 0, "late"));
        assertThat(r.status()).isEqualTo(PutMessageStatus.SERVICE_NOT_AVAILABLE);
        assertThat(r.reason()).contains("closed");
    }
}
