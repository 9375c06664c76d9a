package org.relaymq.runtime.broker.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.function.LongFunction;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.runtime.broker.store.file.SegmentClosedException;
import org.relaymq.runtime.broker.store.file.SegmentFileFactory;

/**
 * The commit log: every record of every topic appended to segments under {@code commitlog/}. A record never
 * spans segments: when one (plus the 8-byte end-of-file marker) does not fit, the marker
 * {@code int remaining, int BLANK_MAGIC} closes the segment and the record goes to the next one, which
 * starts at the offset in its name. Appends are made by one thread at a time (the store's put lock).
 */
final class CommitLog {

    private final SegmentList segments;
    private final int segmentSize;
    private volatile long flushedOffset;

    CommitLog(MessageStoreConfig config, SegmentFileFactory files) {
        this.segmentSize = config.commitLogSegmentSize();
        this.segments = new SegmentList(config.commitLogDir(), segmentSize, files);
    }

    SegmentList segments() {
        return segments;
    }

    int segmentSize() {
        return segmentSize;
    }

    void load() throws IOException {
        segments.load();
    }

    long minOffset() {
        Segment first = segments.first();
        return first == null ? 0 : first.start();
    }

    long maxOffset() {
        Segment last = segments.last();
        return last == null ? 0 : last.committedOffset();
    }

    long flushedOffset() {
        return flushedOffset;
    }

    void setFlushedOffset(long offset) {
        flushedOffset = offset;
    }

    /** True when a block of {@code size} bytes can ever be appended (it must leave room for the marker). */
    boolean fitsInSegment(int size) {
        return (long) size + StoredMessageCodec.BLANK_MARKER_LENGTH <= segmentSize;
    }

    /**
     * Appends a block of {@code size} bytes that {@code encoder} produces for the physical offset it is given
     * (rolling to a new segment first when needed), and publishes it. Returns the block's offset.
     */
    long append(int size, LongFunction<ByteBuffer> encoder, long storeTimestamp) {
        if (!fitsInSegment(size)) {
            throw new IllegalArgumentException("block of " + size + " bytes never fits a segment of " + segmentSize);
        }
        Segment seg = writableSegment();
        if (size + StoredMessageCodec.BLANK_MARKER_LENGTH > seg.remaining()) {
            closeWithBlank(seg);
            seg = segments.create(seg.end());
        }
        long offset = seg.start() + seg.wrote();
        ByteBuffer data = encoder.apply(offset);
        if (data.remaining() != size) {
            throw new IllegalStateException("encoder produced " + data.remaining() + " bytes, expected " + size);
        }
        seg.append(data);
        seg.noteStoreTimestamp(storeTimestamp);
        seg.commit();
        return offset;
    }

    private Segment writableSegment() {
        Segment last = segments.last();
        if (last == null) {
            return segments.create(0);
        }
        if (last.isFull()) {
            return segments.create(last.end());
        }
        return last;
    }

    private static void closeWithBlank(Segment seg) {
        int remaining = seg.remaining();
        ByteBuffer blank = ByteBuffer.allocate(StoredMessageCodec.BLANK_MARKER_LENGTH);
        StoredMessageCodec.encodeBlank(blank, remaining);
        seg.append(blank.flip());
        seg.skipToEnd();
    }

    /**
     * Appends raw replicated bytes at {@code startOffset}, which must equal the max offset (or, on an empty
     * log, be a segment start). Returns false when it does not.
     */
    boolean appendRaw(long startOffset, ByteBuffer data) {
        Segment last = segments.last();
        if (last == null) {
            if (startOffset % segmentSize != 0) {
                return false;
            }
        } else if (startOffset != last.start() + last.wrote()) {
            return false;
        }
        ByteBuffer rest = data.duplicate();
        long offset = startOffset;
        while (rest.hasRemaining()) {
            Segment seg = segments.last();
            if (seg == null || seg.isFull()) {
                seg = segments.create(seg == null ? offset : seg.end());
            }
            int n = Math.min(rest.remaining(), seg.remaining());
            ByteBuffer chunk = rest.slice(rest.position(), n);
            seg.append(chunk);
            seg.commit();
            rest.position(rest.position() + n);
            offset += n;
        }
        return true;
    }

    /**
     * A copy of the raw committed bytes from {@code offset}, at most {@code maxBytes}, within one segment.
     *
     * @throws SegmentClosedException when that segment was deleted meanwhile
     */
    ByteBuffer readRaw(long offset, int maxBytes) {
        Segment seg = segments.find(offset);
        if (seg == null) {
            return ByteBuffer.allocate(0).asReadOnlyBuffer();
        }
        int pos = (int) (offset - seg.start());
        int n = Math.max(0, Math.min(maxBytes, seg.committed() - pos));
        return seg.read(pos, n);
    }

    /** A copy of the committed bytes [offset, offset + size) if they lie in one live segment, else null. */
    ByteBuffer read(long offset, int size) {
        Segment seg = holding(offset, size);
        if (seg == null) {
            return null;
        }
        try {
            return seg.read((int) (offset - seg.start()), size);
        } catch (IllegalStateException | UncheckedIOException e) {
            return null;
        }
    }

    /**
     * Copies the committed bytes [offset, offset + size) into {@code dst} at {@code dstPos} straight from the
     * segment (no intermediate buffer); false when they do not lie in one live segment.
     */
    boolean copyInto(long offset, int size, byte[] dst, int dstPos) {
        Segment seg = holding(offset, size);
        if (seg == null) {
            return false;
        }
        try {
            return seg.withView((int) (offset - seg.start()), size, view -> {
                view.get(0, dst, dstPos, size);
                return Boolean.TRUE;
            });
        } catch (IllegalStateException | UncheckedIOException e) {
            return false;
        }
    }

    /** The segment whose committed bytes contain all of [offset, offset + size), or null. */
    private Segment holding(long offset, int size) {
        Segment seg = segments.find(offset);
        if (seg == null || size <= 0 || offset - seg.start() + size > seg.committed()) {
            return null;
        }
        return seg;
    }

    /** A copy of the whole record at {@code offset} (validated magic and size), or null. */
    ByteBuffer readRecord(long offset) {
        ByteBuffer head = read(offset, StoredMessageCodec.BLANK_MARKER_LENGTH);
        if (head == null) {
            return null;
        }
        int size = head.getInt(0);
        int magic = head.getInt(StoredMessageCodec.MAGIC_CODE_POSITION);
        if (size < StoredMessageCodec.MIN_RECORD_SIZE || (magic != StoredMessageCodec.MAGIC_CODE_V1
                && magic != StoredMessageCodec.MAGIC_CODE_V2)) {
            return null;
        }
        return read(offset, size);
    }

    /** Start of the segment after the one holding {@code offset}. */
    long rollNextFile(long offset) {
        return offset + segmentSize - offset % segmentSize;
    }

    /** Forces committed data; returns the new flushed offset. */
    long flush() {
        long target = maxOffset();
        segments.flush();
        if (target > flushedOffset) {
            flushedOffset = target;
        }
        return flushedOffset;
    }

    /** Deletes the oldest segment if it is not the last one; returns whether it did. */
    boolean deleteFirstIfNotLast(Segment seg) {
        if (segments.last() == seg) {
            return false;
        }
        segments.deleteFirst(seg);
        return true;
    }

    /** When the segment last held a new record: its last store time if known, else the file's mtime. */
    static long lastWriteTime(Segment seg) {
        if (seg.lastStoreTimestamp() >= 0) {
            return seg.lastStoreTimestamp();
        }
        try {
            return Files.getLastModifiedTime(seg.file().path()).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }

    void close() {
        segments.close();
    }
}
