package org.relaymq.runtime.broker.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.MessageProperties;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.runtime.broker.store.DefaultMessageStore;
import org.relaymq.runtime.broker.store.GetMessageResult;
import org.relaymq.runtime.broker.store.MessageFilter;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.broker.store.MessageStoreConfig;
import org.relaymq.runtime.broker.store.PutMessageResult;
import org.relaymq.runtime.broker.store.StoreEnvironment;
import org.relaymq.runtime.common.time.ManualClock;

/** Small stores for replication tests (64 KiB segments) and the checks that two of them hold the same data. */
final class HaTestStores {

    static final int SEGMENT_SIZE = 64 * 1024;
    static final String TOPIC = "HaTopic";
    static final int QUEUES = 4;
    private static final InetSocketAddress HOST = host();

    private HaTestStores() {
    }

    private static InetSocketAddress host() {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), 10911);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A started store below {@code dir}; its flush timers sit on a manual clock that never moves. */
    static DefaultMessageStore open(Path dir) {
        MessageStoreConfig config = MessageStoreConfig.defaults(dir).withSegmentSizes(SEGMENT_SIZE, 10_000)
                .withIndexSize(4096, 16_384);
        ManualClock clock = new ManualClock();
        DefaultMessageStore store = new DefaultMessageStore(config, StoreEnvironment.of(clock, clock));
        store.start();
        return store;
    }

    static StoredMessage message(int i) {
        String tag = "t" + (i % 3);
        return StoredMessage.builder().topic(TOPIC).queueId(i % QUEUES)
                .body(("m" + i).getBytes(StandardCharsets.UTF_8))
                .properties(MessageProperties.encode(Map.of(MessageConst.TAGS, tag)))
                .bornTimestamp(1_600_000_000_000L + i).bornHost(HOST).storeHost(HOST).build();
    }

    /** Puts messages {@code from} (inclusive) to {@code to} (exclusive); returns the last result. */
    static PutMessageResult put(MessageStore store, int from, int to) {
        PutMessageResult last = null;
        for (int i = from; i < to; i++) {
            last = store.put(message(i));
            assertThat(last.isOk()).as("put %d: %s", i, last).isTrue();
        }
        return last;
    }

    /** The slave holds exactly the master's commit-log bytes from the slave's min offset to the master's max. */
    static void assertSameCommitLog(MessageStore master, MessageStore slave) {
        assertThat(slave.commitLogMaxOffset()).isEqualTo(master.commitLogMaxOffset());
        long offset = slave.commitLogMinOffset();
        assertThat(offset).isGreaterThanOrEqualTo(master.commitLogMinOffset());
        while (offset < master.commitLogMaxOffset()) {
            ByteBuffer a = master.readCommitLog(offset, 32 * 1024);
            ByteBuffer b = slave.readCommitLog(offset, 32 * 1024);
            assertThat(b.remaining()).as("bytes at %d", offset).isEqualTo(a.remaining());
            assertThat(b.duplicate()).as("bytes at %d", offset).isEqualTo(a.duplicate());
            offset += a.remaining();
            assertThat(a.remaining()).isPositive();
        }
    }

    /** Every queue answers the same get() on both stores, from the slave's min queue offset to the end. */
    static void assertSameQueues(MessageStore master, MessageStore slave) {
        for (int q = 0; q < QUEUES; q++) {
            assertThat(slave.maxOffsetInQueue(TOPIC, q)).isEqualTo(master.maxOffsetInQueue(TOPIC, q));
            long offset = slave.minOffsetInQueue(TOPIC, q);
            while (offset < master.maxOffsetInQueue(TOPIC, q)) {
                GetMessageResult a = master.get("g", TOPIC, q, offset, 32, Integer.MAX_VALUE, MessageFilter.ALL);
                GetMessageResult b = slave.get("g", TOPIC, q, offset, 32, Integer.MAX_VALUE, MessageFilter.ALL);
                assertThat(b.status()).isEqualTo(a.status());
                assertThat(b.nextBeginOffset()).isEqualTo(a.nextBeginOffset());
                assertThat(b.queueOffsets()).isEqualTo(a.queueOffsets());
                assertThat(b.toByteArray()).isEqualTo(a.toByteArray());
                assertThat(a.nextBeginOffset()).isGreaterThan(offset);
                offset = a.nextBeginOffset();
            }
        }
    }
}
