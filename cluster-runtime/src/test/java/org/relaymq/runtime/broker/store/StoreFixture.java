package org.relaymq.runtime.broker.store;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.relaymq.protocol.message.DelayLevels;
import org.relaymq.runtime.common.time.ManualClock;

/** A store with tiny files on a manual clock; {@link #reopen()} simulates a restart. */
final class StoreFixture implements AutoCloseable {

    static final int SEGMENT_SIZE = 4096;
    static final int CQ_ENTRIES_PER_FILE = 8;

    final ManualClock clock = new ManualClock();
    final Path dir;
    final MessageStoreConfig config;
    private final StoreEnvironment env;
    private final DelayLevels delayLevels;
    DefaultMessageStore store;

    private StoreFixture(Path dir, MessageStoreConfig config, UnaryOperator<StoreEnvironment> envTweak,
                         DelayLevels delayLevels) {
        this.dir = dir;
        this.config = config;
        this.env = envTweak.apply(StoreEnvironment.of(clock, clock));
        this.delayLevels = delayLevels;
    }

    static MessageStoreConfig tinyConfig(Path dir) {
        return MessageStoreConfig.defaults(dir).withSegmentSizes(SEGMENT_SIZE, CQ_ENTRIES_PER_FILE)
                .withIndexSize(64, 16).withRetention(Duration.ofHours(72), "04");
    }

    static StoreFixture open(Path dir) {
        return open(dir, c -> c, null);
    }

    static StoreFixture open(Path dir, UnaryOperator<MessageStoreConfig> tweak) {
        return open(dir, tweak, null);
    }

    /** {@code envTweak} receives the fixture's clock-based environment. */
    static StoreFixture open(Path dir, UnaryOperator<MessageStoreConfig> tweak,
                             UnaryOperator<StoreEnvironment> envTweak) {
        return open(dir, tweak, envTweak, DelayLevels.defaults());
    }

    /** A store with the broker's {@code messageDelayLevel} set to {@code delayLevels}. */
    static StoreFixture open(Path dir, DelayLevels delayLevels) {
        return open(dir, c -> c, null, delayLevels);
    }

    private static StoreFixture open(Path dir, UnaryOperator<MessageStoreConfig> tweak,
                                     UnaryOperator<StoreEnvironment> envTweak, DelayLevels delayLevels) {
        StoreFixture f = new StoreFixture(dir, tweak.apply(tinyConfig(dir)), envTweak == null ? e -> e : envTweak,
                delayLevels);
        f.store = new DefaultMessageStore(f.config, f.env, delayLevels);
        f.store.start();
        return f;
    }

    StoreEnvironment env() {
        return env;
    }

    /** Closes the store and opens a new one on the same directory. */
    DefaultMessageStore reopen() {
        store.close();
        return restart();
    }

    /** Opens a new store without closing the old one first (as after kill -9, once files are edited). */
    DefaultMessageStore restart() {
        store = new DefaultMessageStore(config, env, delayLevels);
        store.start();
        return store;
    }

    @Override
    public void close() {
        store.close();
    }
}
