package org.relaymq.runtime.broker.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.relaymq.runtime.broker.store.TestMessages.message;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplicationTest {

    @TempDir
    Path masterDir;
    @TempDir
    Path slaveDir;

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.duplicate().get(out);
        return out;
    }

    private static byte[] wholeLog(MessageStore s) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        long pos = s.commitLogMinOffset();
        while (pos < s.commitLogMaxOffset()) {
            byte[] chunk = bytes(s.readCommitLog(pos, 1 << 16));
            out.writeBytes(chunk);
            pos += chunk.length;
        }
        return out.toByteArray();
    }

    @Test
    void slaveFedRawChunksEndsUpByteIdenticalWithTheSameQueues() {
        try (StoreFixture master = StoreFixture.open(masterDir);
             StoreFixture slave = StoreFixture.open(slaveDir)) {
            for (int i = 0; i < 60; i++) {
                master.store.put(message("T" + i % 3, i % 2, "m" + i + "-".repeat(i * 3), "Tag" + i % 2, "k" + i,
                        null));
            }
            List<String> arrivals = new ArrayList<>();
            slave.store.onArrival((t, q, max, tags, ts) -> arrivals.add(t + ":" + q + ":" + max));
            assertThat(slave.store.appendRaw(5, new byte[10])).as("empty slave needs a segment start").isFalse();
            while (slave.store.commitLogMaxOffset() < master.store.commitLogMaxOffset()) {
                long from = slave.store.commitLogMaxOffset();
                assertThat(slave.store.appendRaw(from, bytes(master.store.readCommitLog(from, 333)))).isTrue();
            }
            assertThat(slave.store.appendRaw(3, new byte[10])).isFalse();
            assertThat(wholeLog(slave.store)).isEqualTo(wholeLog(master.store));
            assertThat(arrivals).hasSize(60);
            for (String topic : master.store.topics()) {
                for (int q : master.store.queueIds(topic)) {
                    assertThat(slave.store.maxOffsetInQueue(topic, q)).isEqualTo(master.store.maxOffsetInQueue(topic, q));
                    assertThat(TestMessages.drain(slave.store, topic, q))
                            .containsExactlyElementsOf(TestMessages.drain(master.store, topic, q));
                }
            }
            long end = master.clock.wallMillis();
            assertThat(slave.store.queryMessage("T1", "k7", 4, 0, end).messages()).extracting(TestMessages::body)
                    .containsExactly("m7" + "-".repeat(21));
        }
    }

    @Test
    void emptySlaveMayStartAtTheMastersLastSegment() {
        try (StoreFixture master = StoreFixture.open(masterDir);
             StoreFixture slave = StoreFixture.open(slaveDir)) {
            for (int i = 0; i < 40; i++) {
                master.store.put(message("T", 0, "m" + i + "-".repeat(150)));
            }
            long start = master.config.segmentStartOf(master.store.commitLogMaxOffset());
            assertThat(start).isGreaterThan(0);
            assertThat(slave.store.appendRaw(start, bytes(master.store.readCommitLog(start, 1 << 16)))).isTrue();
            assertThat(slave.store.commitLogMinOffset()).isEqualTo(start);
            assertThat(slave.store.commitLogMaxOffset()).isEqualTo(master.store.commitLogMaxOffset());
            long min = slave.store.minOffsetInQueue("T", 0);
            assertThat(min).isGreaterThan(0);
            assertThat(slave.store.maxOffsetInQueue("T", 0)).isEqualTo(40);
            assertThat(slave.store.get("g", "T", 0, min, 32, 1 << 20, MessageFilter.ALL).status())
                    .isEqualTo(GetMessageStatus.FOUND);
            assertThatThrownBy(() -> slave.store.readCommitLog(0, 10)).isInstanceOf(IllegalArgumentException.class);
            assertThat(slave.store.readCommitLog(slave.store.commitLogMaxOffset(), 10).remaining()).isZero();
        }
    }
}
