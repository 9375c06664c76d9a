package org.relaymq.runtime.broker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.runtime.broker.store.TestMessages.message;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.protocol.message.TagHash;

class LookupTest {

    @TempDir
    Path dir;

    @Test
    void offsetByTimeFindsExactOrCloserNeighbour() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            long t0 = f.clock.wallMillis();
            for (int i = 0; i < 20; i++) {
                f.store.put(message("T", 0, "m" + i));
                f.clock.advance(Duration.ofMillis(1000));
            }
            assertThat(f.store.offsetByTime("T", 0, t0 + 5000)).isEqualTo(5);
            assertThat(f.store.offsetByTime("T", 0, t0 + 5300)).isEqualTo(5);
            assertThat(f.store.offsetByTime("T", 0, t0 + 5700)).isEqualTo(6);
            assertThat(f.store.offsetByTime("T", 0, t0 - 100_000)).isZero();
            assertThat(f.store.offsetByTime("T", 0, t0 + 100_000)).isEqualTo(19);
            assertThat(f.store.offsetByTime("nope", 0, t0)).isZero();
            assertThat(f.store.earliestMessageTime("T", 0)).isEqualTo(t0);
            assertThat(f.store.messageStoreTime("T", 0, 3)).isEqualTo(t0 + 3000);
            assertThat(f.store.earliestMessageTime("nope", 0)).isEqualTo(-1);
        }
    }

    @Test
    void queryByKeysAndUniqKeyAcrossIndexFileRoll() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            long begin = f.clock.wallMillis();
            List<Long> offsets = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String keys = "order-" + (i % 3) + " k" + i;
                offsets.add(f.store.put(message("T", i % 2, "m" + i, null, keys, "UNIQ" + i)).first()
                        .physicalOffset());
                f.clock.advance(Duration.ofSeconds(1));
            }
            f.store.put(message("U", 0, "other topic", null, "order-0", null));
            assertThat(f.store.index().fileCount()).as("16 entries per file, 3 keys per message").isGreaterThan(3);
            long end = f.clock.wallMillis();

            QueryMessageResult byKey = f.store.queryMessage("T", "order-0", 64, begin, end);
            assertThat(byKey.messages()).extracting(TestMessages::body)
                    .containsExactly("m27", "m24", "m21", "m18", "m15", "m12", "m9", "m6", "m3", "m0");
            assertThat(f.store.queryMessage("T", "order-0", 3, begin, end).records()).hasSize(3);
            QueryMessageResult byUniq = f.store.queryMessage("T", "UNIQ7", 32, begin, end);
            assertThat(byUniq.messages()).singleElement().extracting(m -> m.physicalOffset())
                    .isEqualTo(offsets.get(7));
            assertThat(byUniq.indexLastUpdatePhyOffset()).isGreaterThan(offsets.get(29));
            assertThat(byUniq.indexLastUpdateTimestamp()).isEqualTo(end);
            assertThat(f.store.queryMessage("T", "k12", 32, begin + 20_000, end).isEmpty()).isTrue();
            assertThat(f.store.queryMessage("T", "missing", 32, begin, end).isEmpty()).isTrue();
        }
    }

    @Test
    void scheduleTopicTagsCodeIsTheDeliveryTime() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            long now = f.clock.wallMillis();
            f.store.put(TestMessages.withProperties(SystemTopics.SCHEDULE_TOPIC, 2, "later",
                    Map.of(MessageConst.DELAY_TIME_LEVEL, "3", MessageConst.TAGS, "TagA")));
            f.store.put(TestMessages.tagged("T", 0, "now", "TagA"));
            CqEntry delayed = f.store.queues().find(SystemTopics.SCHEDULE_TOPIC, 2).entry(0);
            assertThat(delayed.tagsCode()).isEqualTo(now + 10_000);
            assertThat(f.store.queues().find("T", 0).entry(0).tagsCode()).isEqualTo(TagHash.tagsCode("TagA"));
        }
    }

    @Test
    void arrivalListenerIsToldAboutEveryConsumableRecord() {
        try (StoreFixture f = StoreFixture.open(dir)) {
            List<String> seen = new ArrayList<>();
            f.store.onArrival((topic, queueId, maxOffset, tagsCode, storeTs) ->
                    seen.add(topic + ":" + queueId + ":" + maxOffset + ":" + tagsCode + ":" + storeTs));
            long ts = f.clock.wallMillis();
            f.store.put(TestMessages.tagged("T", 1, "a", "TagA"));
            f.store.putBatch(List.of(message("T", 2, "b"), message("T", 2, "c")));
            assertThat(seen).containsExactly("T:1:1:" + TagHash.tagsCode("TagA") + ":" + ts, "T:2:1:0:" + ts,
                    "T:2:2:0:" + ts);
            assertThat(f.store.topics()).containsExactly("T");
            assertThat(f.store.queueIds("T")).containsExactly(1, 2);
            StoreStats stats = f.store.stats();
            assertThat(stats.putMessages()).isEqualTo(3);
            assertThat(stats.commitLogMaxOffset()).isEqualTo(f.store.commitLogMaxOffset());
            assertThat(stats.consumeQueueCount()).isEqualTo(2);
        }
    }
}
