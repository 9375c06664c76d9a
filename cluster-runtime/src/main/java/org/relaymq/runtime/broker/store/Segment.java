package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.util.function.Function;
import org.relaymq.runtime.broker.store.file.SegmentFile;

/**
 * One file of a {@link SegmentList}, named by its start offset, with three positions: {@code wrote}
 * (bytes appended), {@code committed} (bytes published to readers, only ever at record boundaries for
 * puts) and {@code flushed} (bytes forced to disk). Positions are changed by the single writer; flushing
 * may run on another thread.
 */
final class Segment {

    private final long start;
    private final SegmentFile file;
    private volatile int wrote;
    private volatile int committed;
    private volatile int flushed;
    private volatile long lastStoreTimestamp = -1;

    Segment(long start, SegmentFile file) {
        this.start = start;
        this.file = file;
    }

    long start() {
        return start;
    }

    long end() {
        return start + file.capacity();
    }

    int capacity() {
        return file.capacity();
    }

    SegmentFile file() {
        return file;
    }

    int wrote() {
        return wrote;
    }

    int committed() {
        return committed;
    }

    int flushed() {
        return flushed;
    }

    int remaining() {
        return file.capacity() - wrote;
    }

    boolean isFull() {
        return wrote >= file.capacity();
    }

    /** Offset just after the last committed byte. */
    long committedOffset() {
        return start + committed;
    }

    boolean contains(long offset) {
        return offset >= start && offset < end();
    }

    /** Writes at the write position and advances it; readers do not see it until {@link #commit()}. */
    void append(ByteBuffer data) {
        int n = data.remaining();
        file.write(wrote, data);
        wrote += n;
    }

    void commit() {
        committed = wrote;
    }

    /** Sets all three positions (load, recovery, truncation: the bytes kept are on disk already). */
    void resetPositions(int position) {
        wrote = position;
        committed = position;
        flushed = position;
    }

    /** A fixed-size entry written at {@code end - size}: write and publish up to {@code end}. */
    void resetPositionsForAppend(int end) {
        wrote = end;
        committed = end;
    }

    /** After the end-of-file marker: the rest of the segment is padding, and published as such. */
    void skipToEnd() {
        wrote = file.capacity();
        committed = wrote;
    }

    /** Marks the whole committed range as already durable (segments below the recovery point). */
    void markFlushed() {
        flushed = committed;
    }

    /** A copy of the bytes; see {@link SegmentFile#read}. */
    ByteBuffer read(int position, int length) {
        return file.read(position, length);
    }

    /** {@code reader} applied to a view valid only during the call; see {@link SegmentFile#withView}. */
    <T> T withView(int position, int length, Function<ByteBuffer, T> reader) {
        return file.withView(position, length, reader);
    }

    /** Forces what is committed; returns the flushed position. */
    synchronized int flush() {
        int target = committed;
        if (flushed < target) {
            file.force();
            flushed = target;
        }
        return target;
    }

    long lastStoreTimestamp() {
        return lastStoreTimestamp;
    }

    void noteStoreTimestamp(long storeTimestamp) {
        if (storeTimestamp > lastStoreTimestamp) {
            lastStoreTimestamp = storeTimestamp;
        }
    }

    @Override
    public String toString() {
        return file.path() + "[wrote=" + wrote + ", committed=" + committed + ", flushed=" + flushed + "]";
    }
}
