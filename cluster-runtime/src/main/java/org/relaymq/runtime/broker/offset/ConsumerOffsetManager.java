package org.relaymq.runtime.broker.offset;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.relaymq.protocol.body.ConsumerOffsetSerializeWrapper;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.runtime.broker.config.JsonConfigFile;
import org.relaymq.runtime.common.time.Scheduler;

/**
 * Committed consumer offsets: {@code topic@group} → queue id → offset. Kept in memory, written to
 * {@code config/consumerOffset.json} (ConsumerOffsetSerializeWrapper JSON) every flush interval when
 * something changed, and at {@link #close()}.
 */
public final class ConsumerOffsetManager implements AutoCloseable {

    private static final char KEY_SEPARATOR = '@';

    private final JsonConfigFile file;
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> table = new ConcurrentHashMap<>();
    private final AtomicBoolean dirty = new AtomicBoolean();
    private final PeriodicPersistence persistence;

    /** {@code configDir} is the broker's {@code <storePathRootDir>/config}. */
    public ConsumerOffsetManager(Path configDir) {
        this.file = new JsonConfigFile(configDir.resolve("consumerOffset.json"));
        this.persistence = new PeriodicPersistence("consumer offsets", this::persistIfDirty);
    }

    public ConsumerOffsetManager load() {
        file.read(ConsumerOffsetSerializeWrapper::decode).ifPresent(saved -> saved.offsetTable()
                .forEach((key, queues) -> table.put(key, new ConcurrentHashMap<>(queues))));
        return this;
    }

    /** Writes every {@code interval} (5 s by default) while something changed. */
    public void start(Scheduler scheduler, Duration interval) {
        persistence.start(scheduler, interval);
    }

    public void commitOffset(String group, String topic, int queueId, long offset) {
        table.computeIfAbsent(SystemTopics.offsetKey(topic, group), k -> new ConcurrentHashMap<>())
                .put(queueId, offset);
        dirty.set(true);
    }

    /** The committed offset, or -1 when none is known. */
    public long queryOffset(String group, String topic, int queueId) {
        Map<Integer, Long> queues = table.get(SystemTopics.offsetKey(topic, group));
        if (queues == null) {
            return -1;
        }
        Long offset = queues.get(queueId);
        return offset == null ? -1 : offset;
    }

    /** Queue id → offset of one group on one topic (empty when unknown). */
    public Map<Integer, Long> offsets(String group, String topic) {
        Map<Integer, Long> queues = table.get(SystemTopics.offsetKey(topic, group));
        return queues == null ? Map.of() : new TreeMap<>(queues);
    }

    /** Groups with an offset on {@code topic}. */
    public Set<String> groupsOf(String topic) {
        Set<String> groups = new TreeSet<>();
        table.keySet().forEach(key -> {
            int at = key.lastIndexOf(KEY_SEPARATOR);
            if (at > 0 && key.substring(0, at).equals(topic)) {
                groups.add(key.substring(at + 1));
            }
        });
        return groups;
    }

    /** Forgets every group's offsets on {@code topic} (topic deleted). */
    public void removeTopic(String topic) {
        if (table.keySet().removeIf(key -> key.startsWith(topic + KEY_SEPARATOR)
                && key.lastIndexOf(KEY_SEPARATOR) == topic.length())) {
            dirty.set(true);
        }
    }

    /** The whole table (GET_ALL_CONSUMER_OFFSET body). */
    public ConsumerOffsetSerializeWrapper wrapper() {
        Map<String, Map<Integer, Long>> copy = new TreeMap<>();
        table.forEach((key, queues) -> copy.put(key, new TreeMap<>(queues)));
        return new ConsumerOffsetSerializeWrapper(copy);
    }

    /** Merges a master's offsets into ours (slave metadata sync: put-all). */
    public void putAll(ConsumerOffsetSerializeWrapper master) {
        master.offsetTable().forEach((key, queues) -> table
                .computeIfAbsent(key, k -> new ConcurrentHashMap<>()).putAll(queues));
        dirty.set(true);
    }

    /** Writes the file now if anything changed since the last write. */
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

    /** Stops the periodic write and writes once more. Idempotent. */
    @Override
    public void close() {
        persistence.close();
    }
}
