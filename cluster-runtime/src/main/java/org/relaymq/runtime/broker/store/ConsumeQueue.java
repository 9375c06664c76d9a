package org.relaymq.runtime.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.relaymq.runtime.broker.store.file.SegmentFileFactory;

/**
 * The index of one topic/queue: 20-byte entries under {@code consumequeue/<topic>/<queueId>/}, files named by
 * their start byte offset; logical offset = entry number. Entries are written by the dispatcher only.
 */
final class ConsumeQueue {

    private final String topic;
    private final int queueId;
    private final SegmentList files;
    private final int fileBytes;
    private volatile long minOffset;

    ConsumeQueue(String topic, int queueId, Path dir, int entriesPerFile, SegmentFileFactory factory) {
        this.topic = topic;
        this.queueId = queueId;
        this.fileBytes = entriesPerFile * CqEntry.SIZE;
        this.files = new SegmentList(dir, fileBytes, factory);
    }

    String topic() {
        return topic;
    }

    int queueId() {
        return queueId;
    }

    /** Opens the files and finds the tail: just after the last valid entry of the last file. */
    void load() throws IOException {
        files.load();
        Segment last = files.last();
        if (last != null) {
            last.resetPositions(lastValidEnd(last));
        }
        Segment first = files.first();
        minOffset = first == null ? 0 : firstValidOffset(first);
    }

    private static int lastValidEnd(Segment seg) {
        return seg.withView(0, seg.capacity(), all -> {
            int end = 0;
            for (int pos = 0; pos + CqEntry.SIZE <= all.limit(); pos += CqEntry.SIZE) {
                if (isValidEntry(all, pos)) {
                    end = pos + CqEntry.SIZE;
                }
            }
            return end;
        });
    }

    private static long firstValidOffset(Segment seg) {
        int validPos = seg.withView(0, seg.committed(), all -> {
            for (int pos = 0; pos + CqEntry.SIZE <= all.limit(); pos += CqEntry.SIZE) {
                if (isValidEntry(all, pos)) {
                    return pos;
                }
            }
            return all.limit();
        });
        return (seg.start() + validPos) / CqEntry.SIZE;
    }

    private static boolean isValidEntry(ByteBuffer entries, int pos) {
        return entries.getLong(pos) >= 0 && entries.getInt(pos + 8) > 0;
    }

    long minOffset() {
        return minOffset;
    }

    /** Next logical offset to be written (number of entries including removed ones). */
    long maxOffset() {
        Segment last = files.last();
        return last == null ? 0 : last.committedOffset() / CqEntry.SIZE;
    }

    /**
     * Writes the entry for logical offset {@code logical}. Already present offsets are ignored (re-dispatch
     * after recovery); on an empty queue the first entry may start anywhere; a gap is left zeroed.
     */
    void put(long logical, CqEntry entry) {
        long max = maxOffset();
        if (logical < max) {
            return;
        }
        long bytePos = logical * CqEntry.SIZE;
        Segment seg = files.last();
        if (seg == null || bytePos >= seg.end()) {
            seg = files.create(bytePos - bytePos % fileBytes);
        }
        if (files.first() == seg && max == 0) {
            minOffset = logical;
        }
        int pos = (int) (bytePos - seg.start());
        ByteBuffer buf = ByteBuffer.allocate(CqEntry.SIZE);
        buf.putLong(entry.physicalOffset()).putInt(entry.size()).putLong(entry.tagsCode()).flip();
        seg.file().write(pos, buf);
        seg.resetPositionsForAppend(pos + CqEntry.SIZE);
    }

    /** The entry at a logical offset, or null when its file is gone or it is not written. */
    CqEntry entry(long logical) {
        if (logical < 0 || logical >= maxOffset()) {
            return null;
        }
        long bytePos = logical * CqEntry.SIZE;
        Segment seg = files.find(bytePos);
        if (seg == null) {
            return null;
        }
        ByteBuffer b = readOrNull(seg, (int) (bytePos - seg.start()), CqEntry.SIZE);
        return b == null ? null : new CqEntry(b.getLong(0), b.getInt(8), b.getLong(12));
    }

    /**
     * A copy of the entries from {@code logical} to the end of the written part of its file, at most
     * {@code maxBytes}; null when the file is gone.
     */
    ByteBuffer readFrom(long logical, int maxBytes) {
        long bytePos = logical * CqEntry.SIZE;
        Segment seg = files.find(bytePos);
        if (seg == null) {
            return null;
        }
        int pos = (int) (bytePos - seg.start());
        return readOrNull(seg, pos, Math.max(0, Math.min(maxBytes, seg.committed() - pos)));
    }

    /** A read racing with retention or topic deletion finds the file closed: treated as missing. */
    private static ByteBuffer readOrNull(Segment seg, int position, int length) {
        try {
            return seg.read(position, length);
        } catch (IllegalStateException | UncheckedIOException e) {
            return null;
        }
    }

    /** The logical offset at which the file after the one holding {@code logical} starts. */
    long nextFileStart(long logical) {
        long bytePos = logical * CqEntry.SIZE;
        return (bytePos - bytePos % fileBytes + fileBytes) / CqEntry.SIZE;
    }

    /** Drops tail entries that are invalid or point at or beyond {@code physicalOffset}. */
    void truncateFromPhysical(long physicalOffset) {
        long logical = maxOffset() - 1;
        while (logical >= minOffset) {
            CqEntry e = entry(logical);
            if (e != null && e.isValid() && e.physicalOffset() + e.size() <= physicalOffset) {
                break;
            }
            logical--;
        }
        long keep = Math.max(logical + 1, minOffset);
        files.truncate(keep * CqEntry.SIZE);
        if (files.isEmpty()) {
            minOffset = 0;
        }
    }

    /**
     * After commit-log retention: deletes files whose entries all point below {@code commitLogMin} (never
     * the last) and moves the min offset to the first entry at or above it.
     */
    void trimBelow(long commitLogMin) {
        for (Segment seg : files.snapshot()) {
            if (seg == files.last()) {
                break;
            }
            CqEntry lastEntry = entry(seg.end() / CqEntry.SIZE - 1);
            if (lastEntry == null || lastEntry.physicalOffset() >= commitLogMin) {
                break;
            }
            files.deleteFirst(seg);
        }
        long logical = Math.max(minOffset, files.minOffset() / CqEntry.SIZE);
        long max = maxOffset();
        while (logical < max) {
            CqEntry e = entry(logical);
            if (e != null && e.isValid() && e.physicalOffset() >= commitLogMin) {
                break;
            }
            logical++;
        }
        minOffset = logical;
    }

    /** Deletes the file holding {@code logical} without moving the min offset (simulates a lost file). */
    void deleteFileForTest(long logical) {
        Segment seg = files.find(logical * CqEntry.SIZE);
        if (seg != null) {
            files.deleteFirst(seg);
        }
    }

    void flush() {
        files.flush();
    }

    void close() {
        files.close();
    }

    void destroy() {
        files.destroy();
    }
}
