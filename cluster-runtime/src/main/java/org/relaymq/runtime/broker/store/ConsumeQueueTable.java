package org.relaymq.runtime.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.relaymq.runtime.broker.store.file.SegmentFileFactory;

/** All consume queues of a store, by topic and queue id, below {@code consumequeue/}. */
final class ConsumeQueueTable {

    private final Path root;
    private final int entriesPerFile;
    private final SegmentFileFactory files;
    private final Map<String, Map<Integer, ConsumeQueue>> queues = new ConcurrentHashMap<>();

    ConsumeQueueTable(MessageStoreConfig config, SegmentFileFactory files) {
        this.root = config.consumeQueueDir();
        this.entriesPerFile = config.consumeQueueEntriesPerFile();
        this.files = files;
    }

    /** Opens every {@code <topic>/<queueId>} directory. */
    void load() throws IOException {
        Files.createDirectories(root);
        for (Path topicDir : list(root)) {
            for (Path queueDir : list(topicDir)) {
                String name = queueDir.getFileName().toString();
                if (name.matches("\\d{1,9}")) {
                    ConsumeQueue cq = newQueue(topicDir.getFileName().toString(), Integer.parseInt(name));
                    cq.load();
                    queues.computeIfAbsent(cq.topic(), t -> new ConcurrentHashMap<>()).put(cq.queueId(), cq);
                }
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).sorted().toList();
        }
    }

    private ConsumeQueue newQueue(String topic, int queueId) {
        Path dir = root.resolve(topic).resolve(Integer.toString(queueId));
        return new ConsumeQueue(topic, queueId, dir, entriesPerFile, files);
    }

    ConsumeQueue find(String topic, int queueId) {
        Map<Integer, ConsumeQueue> byId = queues.get(topic);
        return byId == null ? null : byId.get(queueId);
    }

    ConsumeQueue findOrCreate(String topic, int queueId) {
        return queues.computeIfAbsent(topic, t -> new ConcurrentHashMap<>())
                .computeIfAbsent(queueId, id -> newQueue(topic, id));
    }

    long maxOffset(String topic, int queueId) {
        ConsumeQueue cq = find(topic, queueId);
        return cq == null ? 0 : cq.maxOffset();
    }

    boolean isEmpty() {
        return all().isEmpty();
    }

    Set<String> topics() {
        return Set.copyOf(queues.keySet());
    }

    Set<Integer> queueIds(String topic) {
        Map<Integer, ConsumeQueue> byId = queues.get(topic);
        return byId == null ? Set.of() : new TreeSet<>(byId.keySet());
    }

    List<ConsumeQueue> all() {
        List<ConsumeQueue> out = new ArrayList<>();
        queues.values().forEach(m -> out.addAll(m.values()));
        return out;
    }

    void deleteTopic(String topic) {
        Map<Integer, ConsumeQueue> removed = queues.remove(topic);
        if (removed != null) {
            removed.values().forEach(ConsumeQueue::destroy);
        }
        try {
            Files.deleteIfExists(root.resolve(topic));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete consume queues of " + topic, e);
        }
    }

    void truncateFromPhysical(long physicalOffset) {
        all().forEach(cq -> cq.truncateFromPhysical(physicalOffset));
    }

    void trimBelow(long commitLogMin) {
        all().forEach(cq -> cq.trimBelow(commitLogMin));
    }

    void flush() {
        all().forEach(ConsumeQueue::flush);
    }

    void close() {
        all().forEach(ConsumeQueue::close);
    }
}
