package org.relaymq.runtime.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.runtime.broker.store.file.SegmentClosedException;
import org.relaymq.runtime.broker.store.file.SegmentFileFactory;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * Index files under {@code index/}, named {@code yyyyMMddHHmmssSSS} (UTC) of their creation; a new one is
 * started when the newest is full. Keys are {@code topic#key} for each KEYS token and the UNIQ_KEY.
 */
final class IndexService {

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyyMMddHHmmssSSS")
            .withZone(ZoneOffset.UTC);

    private final Path dir;
    private final int hashSlots;
    private final int maxIndexNum;
    private final int fileSize;
    private final SegmentFileFactory files;
    private final TimeSource time;
    private final CopyOnWriteArrayList<IndexFile> indexFiles = new CopyOnWriteArrayList<>();
    private volatile long lastIndexedPhyOffset = -1;

    IndexService(MessageStoreConfig config, SegmentFileFactory files, TimeSource time) {
        this.dir = config.indexDir();
        this.hashSlots = config.indexMaxHashSlots();
        this.maxIndexNum = config.indexMaxIndexNum();
        this.fileSize = (int) IndexLayout.fileSize(hashSlots, maxIndexNum);
        this.files = files;
        this.time = time;
    }

    void load() throws IOException {
        Files.createDirectories(dir);
        List<Path> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.filter(p -> p.getFileName().toString().matches("\\d{17}")).sorted().toList();
        }
        for (Path p : names) {
            indexFiles.add(new IndexFile(files.open(p, fileSize), hashSlots, maxIndexNum));
        }
        IndexFile last = last();
        lastIndexedPhyOffset = last == null ? -1 : last.endPhyOffset();
    }

    /** Re-dispatch after recovery starts at {@code physicalOffset}: index every record from there again. */
    void resumeFrom(long physicalOffset) {
        lastIndexedPhyOffset = Math.min(lastIndexedPhyOffset, physicalOffset - 1);
    }

    void index(DispatchRequest r) {
        if (r.physicalOffset() <= lastIndexedPhyOffset) {
            return;
        }
        if (r.keys() != null) {
            for (String key : r.keys().split(MessageConst.KEY_SEPARATOR)) {
                if (!key.isEmpty()) {
                    put(r.topic() + "#" + key, r.physicalOffset(), r.storeTimestamp());
                }
            }
        }
        if (r.uniqKey() != null && !r.uniqKey().isEmpty()) {
            put(r.topic() + "#" + r.uniqKey(), r.physicalOffset(), r.storeTimestamp());
        }
        lastIndexedPhyOffset = r.physicalOffset();
    }

    private void put(String key, long phyOffset, long storeTimestamp) {
        IndexFile f = last();
        if (f == null || !f.put(key, phyOffset, storeTimestamp)) {
            f = newFile();
            f.put(key, phyOffset, storeTimestamp);
        }
    }

    private IndexFile newFile() {
        try {
            Files.createDirectories(dir);
            long t = time.wallMillis();
            Path p = dir.resolve(NAME.format(Instant.ofEpochMilli(t)));
            while (Files.exists(p) || (!indexFiles.isEmpty() && p.compareTo(last().file().path()) <= 0)) {
                p = dir.resolve(NAME.format(Instant.ofEpochMilli(++t)));
            }
            IndexFile f = new IndexFile(files.open(p, fileSize), hashSlots, maxIndexNum);
            indexFiles.add(f);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create index file in " + dir, e);
        }
    }

    private IndexFile last() {
        List<IndexFile> all = indexFiles;
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    /** Physical offsets for {@code topic#key} in the time range, newest first, without duplicates. */
    List<Long> query(String topic, String key, int maxNum, long begin, long end) {
        LinkedHashSet<Long> found = new LinkedHashSet<>();
        List<IndexFile> all = new ArrayList<>(indexFiles);
        for (int i = all.size() - 1; i >= 0 && found.size() < maxNum; i--) {
            IndexFile f = all.get(i);
            if (f.overlaps(begin, end)) {
                List<Long> out = new ArrayList<>();
                try {
                    f.select(topic + "#" + key, begin, end, maxNum, out);
                } catch (SegmentClosedException e) {
                    continue; // deleted by retention meanwhile: its records are gone too
                }
                out.stream().sorted((a, b) -> Long.compare(b, a)).forEach(found::add);
            }
        }
        return found.stream().limit(maxNum).toList();
    }

    long lastUpdateTimestamp() {
        IndexFile f = last();
        return f == null ? 0 : f.endTimestamp();
    }

    long lastUpdatePhyOffset() {
        IndexFile f = last();
        return f == null ? 0 : f.endPhyOffset();
    }

    int fileCount() {
        return indexFiles.size();
    }

    /** Deletes index files (never the newest) whose entries all point below {@code commitLogMin}. */
    void deleteBelow(long commitLogMin) {
        for (IndexFile f : List.copyOf(indexFiles)) {
            if (f == last() || f.endPhyOffset() >= commitLogMin) {
                break;
            }
            indexFiles.remove(f);
            f.file().delete();
        }
    }

    void flush() {
        indexFiles.forEach(IndexFile::flush);
    }

    void close() {
        indexFiles.forEach(f -> f.file().close());
    }
}
