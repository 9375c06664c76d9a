package org.relaymq.runtime.broker.offset;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.relaymq.protocol.body.DelayOffsetSerializeWrapper;
import org.relaymq.runtime.broker.config.JsonConfigFile;
import org.relaymq.runtime.common.time.Scheduler;

/**
 * Progress of the delay (schedule) service: delay level → offset in {@code SCHEDULE_TOPIC_XXXX} queue
 * {@code level − 1}. Written to {@code config/delayOffset.json} periodically when changed and at close.
 */
public final class DelayOffsetStore implements AutoCloseable {

    private final JsonConfigFile file;
    private final ConcurrentMap<Integer, Long> table = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final PeriodicPersistence persistence;

    public DelayOffsetStore(Path configDir) {
        this.file = new JsonConfigFile(configDir.resolve("delayOffset.json"));
        this.persistence = new PeriodicPersistence("delay offsets", this::persistIfDirty);
    }

    public DelayOffsetStore load() {
        file.read(DelayOffsetSerializeWrapper::decode).ifPresent(saved -> table.putAll(saved.offsetTable()));
        return this;
    }

    public void start(Scheduler scheduler, Duration interval) {
        persistence.start(scheduler, interval);
    }

    public void update(int level, long offset) {
        table.put(level, offset);
        dirty.set(true);
    }

    /** The offset of {@code level}, 0 when the level has not delivered anything yet. */
    public long offset(int level) {
        return table.getOrDefault(level, 0L);
    }

    public DelayOffsetSerializeWrapper wrapper() {
        return new DelayOffsetSerializeWrapper(new TreeMap<>(table));
    }

    /** Overwrites the table with a master's (slave metadata sync). */
    public void replaceAll(DelayOffsetSerializeWrapper master) {
        Map<Integer, Long> incoming = master.offsetTable();
        table.keySet().retainAll(incoming.keySet());
        table.putAll(incoming);
        dirty.set(true);
    }

    public void persistIfDirty() {
        if (dirty.getAndSet(false)) {
            try {
                file.write(wrapper().encode());
            } catch (RuntimeException e) {
                dirty.set(true);
                throw e;
            }
        }
    }

    @Override
    public void close() {
        persistence.close();
    }
}
