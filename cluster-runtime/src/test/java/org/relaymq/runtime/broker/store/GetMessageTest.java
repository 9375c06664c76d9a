package org.relaymq.runtime.broker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.runtime.broker.store.TestMessages.message;
import static org.relaymq.runtime.broker.store.TestMessages.tagged;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The §8.2 step 4–5 cases. */
class GetMessageTest {

    @TempDir
    Path dir;

    private static GetMessageResult get(StoreFixture f, String topic, long offset, int maxNums, int maxBytes,
                                        MessageFilter filter) {
        return f.store.get("g", topic, 0, offset, maxNums, maxBytes, filter);
    }

    /** A record filter on the message body (every tags code passes). */
    private static MessageFilter byBody(java.util.function.Predicate<String> keep) {
        return new MessageFilter() {
            @Override
            public boolean matchesTagsCode(long tagsCode) {
                return true;
            }

            @Override
            public boolean matchesRecord(java.nio.ByteBuffer record) {
                return keep.test(TestMessages.body(org.relaymq.protocol.message.StoredMessageCodec.decode(record)));
            }
        };
    }

    @Test
    void unknownQueueEmptyQueueAndOverflows() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            GetMessageResult unknown = get(f, "nope", 5, 32, 1 << 20, MessageFilter.ALL);
            assertThat(unknown.status()).isEqualTo(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE);
            assertThat(unknown.nextBeginOffset()).isZero();

            for (int i = 0; i < 3; i++) {
                f.store.put(message("T", 0, "m" + i));
            }
            GetMessageResult one = get(f, "T", 3, 32, 1 << 20, MessageFilter.ALL);
            assertThat(one.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_ONE);
            assertThat(one.nextBeginOffset()).isEqualTo(3);
            assertThat(one.maxOffset()).isEqualTo(3);
            GetMessageResult badly = get(f, "T", 10, 32, 1 << 20, MessageFilter.ALL);
            assertThat(badly.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_BADLY);
            assertThat(badly.nextBeginOffset()).isEqualTo(3);
        }
    }

    @Test
    void queueWhoseMessagesAreNotConsumableIsEmpty() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            f.store.put(message("T", 1, "x").toBuilder()
                    .sysFlag(org.relaymq.protocol.message.SysFlag.TRANSACTION_PREPARED_TYPE).build());
            f.store.put(message("T", 0, "y"));
            f.store.deleteTopic("T");
            f.store.put(message("T", 0, "z"));
            assertThat(f.store.maxOffsetInQueue("T", 0)).isEqualTo(1);
            assertThat(f.store.queueIds("T")).containsExactly(0);
            assertThat(get(f, "T", 0, 32, 1 << 20, MessageFilter.ALL).status()).isEqualTo(GetMessageStatus.FOUND);
        }
    }

    @Test
    void maxMsgNumsAndMaxBytesCapButTheFirstMessageIsAlwaysTaken() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            int size = 0;
            for (int i = 0; i < 6; i++) {
                size = f.store.put(message("T", 0, "m" + i + "-".repeat(200))).first().size();
            }
            GetMessageResult byCount = get(f, "T", 0, 2, 1 << 20, MessageFilter.ALL);
            assertThat(byCount.messageCount()).isEqualTo(2);
            assertThat(byCount.nextBeginOffset()).isEqualTo(2);
            assertThat(byCount.queueOffsets()).containsExactly(0L, 1L);
            GetMessageResult byBytes = get(f, "T", 2, 32, size * 2 + 10, MessageFilter.ALL);
            assertThat(byBytes.messageCount()).isEqualTo(2);
            assertThat(byBytes.nextBeginOffset()).isEqualTo(4);
            GetMessageResult tiny = get(f, "T", 4, 32, 10, MessageFilter.ALL);
            assertThat(tiny.status()).isEqualTo(GetMessageStatus.FOUND);
            assertThat(tiny.messageCount()).isEqualTo(1);
            assertThat(tiny.toByteArray()).hasSize(size);
            assertThat(tiny.messages().get(0).isReadOnly()).isTrue();
        }
    }

    @Test
    void tagFilterSkipsEntriesAndNextBeginOffsetAdvancesOverThem() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            List<String> tags = List.of("TagB", "TagA", "TagB", "TagB", "TagA", "TagC");
            for (int i = 0; i < tags.size(); i++) {
                f.store.put(tagged("T", 0, "m" + i, tags.get(i)));
            }
            f.store.put(message("T", 0, "untagged"));
            GetMessageResult a = get(f, "T", 0, 32, 1 << 20, MessageFilter.byTags("TagA"));
            assertThat(TestMessages.bodies(a)).containsExactly("m1", "m4");
            assertThat(a.nextBeginOffset()).isEqualTo(7);
            GetMessageResult none = get(f, "T", 2, 32, 1 << 20, MessageFilter.byTags("TagX || TagY"));
            assertThat(none.status()).isEqualTo(GetMessageStatus.NO_MATCHED_MESSAGE);
            assertThat(none.nextBeginOffset()).isEqualTo(7);
            GetMessageResult star = get(f, "T", 5, 32, 1 << 20, MessageFilter.byTags("*"));
            assertThat(TestMessages.bodies(star)).containsExactly("m5", "untagged");
            GetMessageResult capped = get(f, "T", 0, 1, 1 << 20, MessageFilter.byTags("TagA"));
            assertThat(TestMessages.bodies(capped)).containsExactly("m1");
            assertThat(capped.nextBeginOffset()).as("the cap is checked before the tag filter").isEqualTo(2);
        }
    }

    /** A pull copies each record once: into the body array, which is what the response sends. */
    @Test
    void theBodyIsTheOneCopyOfTheRecordsAlsoWhenTheRecordFilterDropsSome() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            for (String body : List.of("keep-1", "drop", "keep-2")) {
                f.store.put(message("T", 0, body));
            }
            GetMessageResult all = get(f, "T", 0, 32, 1 << 20, MessageFilter.ALL);
            assertThat(all.toByteArray()).isSameAs(all.packed()).isSameAs(all.toByteArray());
            assertThat(all.toByteArray()).hasSize(all.bufferTotalSize());
            assertThat(org.relaymq.protocol.message.StoredMessageCodec.decodeAll(java.nio.ByteBuffer.wrap(
                    all.toByteArray())).stream().map(TestMessages::body)).containsExactly("keep-1", "drop", "keep-2");

            GetMessageResult kept = get(f, "T", 0, 32, 1 << 20, byBody(body -> body.startsWith("keep")));
            assertThat(kept.toByteArray()).isSameAs(kept.packed()).hasSize(kept.bufferTotalSize());
            assertThat(TestMessages.bodies(kept)).containsExactly("keep-1", "keep-2");
            assertThat(kept.queueOffsets()).containsExactly(0L, 2L);
            assertThat(org.relaymq.protocol.message.StoredMessageCodec.decodeAll(java.nio.ByteBuffer.wrap(
                    kept.toByteArray())).stream().map(TestMessages::body)).containsExactly("keep-1", "keep-2");
        }
    }

    @Test
    void recordFilterRunsAfterTheTagFilter() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            f.store.put(tagged("T", 0, "keep", "TagA"));
            f.store.put(tagged("T", 0, "drop", "TagA"));
            GetMessageResult r = get(f, "T", 0, 32, 1 << 20, byBody(body -> body.equals("keep")));
            assertThat(TestMessages.bodies(r)).containsExactly("keep");
            assertThat(r.nextBeginOffset()).isEqualTo(2);
        }
    }

    @Test
    void offsetTooSmallAfterRetention() {
        try (StoreFixture f = StoreFixture.open(dir,
                c -> c.withFlush(FlushDiskType.ASYNC_FLUSH, Duration.ofHours(1), Duration.ofSeconds(5)))) {
            for (int i = 0; i < 40; i++) {
                f.store.put(message("T", 0, "old" + i + "-".repeat(150)));
            }
            f.clock.advance(Duration.ofHours(73));
            f.store.put(message("T", 0, "new" + "-".repeat(150)));
            long oldMin = f.store.commitLogMinOffset();
            assertThat(f.store.deleteExpiredFiles(f.clock.wallMillis())).isGreaterThan(0);
            assertThat(f.store.commitLogMinOffset()).isGreaterThan(oldMin);
            long min = f.store.minOffsetInQueue("T", 0);
            assertThat(min).isGreaterThan(0);
            GetMessageResult small = get(f, "T", 0, 32, 1 << 20, MessageFilter.ALL);
            assertThat(small.status()).isEqualTo(GetMessageStatus.OFFSET_TOO_SMALL);
            assertThat(small.nextBeginOffset()).isEqualTo(min);
            GetMessageResult atMin = get(f, "T", min, 32, 1 << 20, MessageFilter.ALL);
            assertThat(atMin.status()).isEqualTo(GetMessageStatus.FOUND);
        }
    }

    @Test
    void entriesWhoseSegmentIsGoneButNotYetTrimmedReportMessageWasRemoving() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            for (int i = 0; i < 30; i++) {
                f.store.put(message("T", 0, "m" + i + "-".repeat(150)));
            }
            CommitLog log = f.store.commitLog();
            assertThat(log.deleteFirstIfNotLast(log.segments().first())).isTrue();
            GetMessageResult r = get(f, "T", 0, 32, 1 << 20, MessageFilter.ALL);
            assertThat(r.status()).isEqualTo(GetMessageStatus.MESSAGE_WAS_REMOVING);
            assertThat(r.nextBeginOffset()).isEqualTo(StoreFixture.CQ_ENTRIES_PER_FILE);
        }
    }

    @Test
    void missingConsumeQueueFileGivesOffsetFoundNull() throws Exception {
        try (StoreFixture f = StoreFixture.open(dir)) {
            for (int i = 0; i < 20; i++) {
                f.store.put(message("T", 0, "m" + i));
            }
            ConsumeQueue cq = f.store.queues().find("T", 0);
            cq.deleteFileForTest(0);
            GetMessageResult r = get(f, "T", 0, 32, 1 << 20, MessageFilter.ALL);
            assertThat(r.status()).isEqualTo(GetMessageStatus.OFFSET_FOUND_NULL);
            assertThat(r.nextBeginOffset()).isEqualTo(StoreFixture.CQ_ENTRIES_PER_FILE);
        }
    }
}
