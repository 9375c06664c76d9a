package org.relaymq.runtime.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.relaymq.runtime.broker.store.file.SegmentFileFactory;

/**
 * Equal-sized files in one directory, each named by its 20-digit zero-padded start offset, forming one
 * contiguous log (the commit log, or one consume queue). Readers get a stable snapshot of the list.
 */
final class SegmentList {

    private final Path dir;
    private final int segmentSize;
    private final SegmentFileFactory files;
    private final CopyOnWriteArrayList<Segment> segments = new CopyOnWriteArrayList<>();

    SegmentList(Path dir, int segmentSize, SegmentFileFactory files) {
        this.dir = dir;
        this.segmentSize = segmentSize;
        this.files = files;
    }

    static String fileName(long startOffset) {
        return String.format("%020d", startOffset);
    }

    Path dir() {
        return dir;
    }

    int segmentSize() {
        return segmentSize;
    }

    /** Opens every segment file in the directory, positions at full (recovery corrects the last ones). */
    void load() throws IOException {
        Files.createDirectories(dir);
        List<Path> names;
        try (Stream<Path> s = Files.list(dir)) {
            names = s.filter(p -> p.getFileName().toString().matches("\\d{20}")).sorted().toList();
        }
        for (Path p : names) {
            long start = Long.parseLong(p.getFileName().toString());
            if (start % segmentSize != 0 || Files.size(p) > segmentSize) {
                throw new IOException(p + " does not fit segment size " + segmentSize);
            }
            Segment seg = new Segment(start, files.open(p, segmentSize));
            seg.resetPositions(segmentSize);
            segments.add(seg);
        }
    }

    List<Segment> snapshot() {
        return List.copyOf(segments);
    }

    boolean isEmpty() {
        return segments.isEmpty();
    }

    Segment first() {
        return segments.isEmpty() ? null : segments.get(0);
    }

    Segment last() {
        List<Segment> s = segments;
        return s.isEmpty() ? null : s.get(s.size() - 1);
    }

    /** The segment holding {@code offset}, or null. */
    Segment find(long offset) {
        List<Segment> s = snapshot();
        if (s.isEmpty() || offset < s.get(0).start()) {
            return null;
        }
        int index = (int) ((offset - s.get(0).start()) / segmentSize);
        if (index < s.size() && s.get(index).contains(offset)) {
            return s.get(index);
        }
        for (Segment seg : s) {
            if (seg.contains(offset)) {
                return seg;
            }
        }
        return null;
    }

    /** Creates the segment starting at {@code start} (a multiple of the segment size). */
    Segment create(long start) {
        if (start % segmentSize != 0) {
            throw new IllegalArgumentException("segment start " + start + " is not a multiple of " + segmentSize);
        }
        try {
            Files.createDirectories(dir);
            Segment seg = new Segment(start, files.open(dir.resolve(fileName(start)), segmentSize));
            segments.add(seg);
            return seg;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create segment " + start + " in " + dir, e);
        }
    }

    /** Start of the first segment, or -1 when empty. */
    long minOffset() {
        Segment f = first();
        return f == null ? -1 : f.start();
    }

    /** Offset after the last committed byte, or -1 when empty. */
    long maxOffset() {
        Segment l = last();
        return l == null ? -1 : l.committedOffset();
    }

    /** Cuts the log at {@code offset}: later segments deleted, the rest of the holding one zeroed. */
    void truncate(long offset) {
        List<Segment> removed = new ArrayList<>();
        for (Segment seg : snapshot()) {
            if (seg.start() >= offset) {
                removed.add(seg);
            } else if (seg.contains(offset)) {
                int pos = (int) (offset - seg.start());
                seg.file().truncate(pos);
                seg.resetPositions(pos);
            }
        }
        segments.removeAll(removed);
        removed.forEach(seg -> seg.file().delete());
    }

    /** Removes and deletes the first segment. */
    void deleteFirst(Segment seg) {
        if (segments.remove(seg)) {
            seg.file().delete();
        }
    }

    /** Forces every segment with unflushed data. */
    void flush() {
        for (Segment seg : snapshot()) {
            if (seg.flushed() < seg.committed()) {
                seg.flush();
            }
        }
    }

    void close() {
        for (Segment seg : snapshot()) {
            seg.file().close();
        }
    }

    /** Deletes every segment and the directory. */
    void destroy() {
        List<Segment> all = snapshot();
        segments.clear();
        all.forEach(seg -> seg.file().delete());
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + dir, e);
        }
    }
}
