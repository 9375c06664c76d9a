package org.relaymq.runtime.broker.store.file;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A fixed-capacity file the store writes at absolute positions: the one seam between the log structures
 * and the disk (memory-mapped in production, plain FileChannel or slowed-down in tests). One writer at a
 * time; reads of already-written ranges may run concurrently with writes elsewhere, and with closing:
 * a read racing with {@link #close()} or {@link #delete()} either completes or fails cleanly.
 */
public interface SegmentFile extends AutoCloseable {

    Path path();

    /** Logical size in bytes; bytes never written read as zero. */
    int capacity();

    /**
     * Writes {@code src}'s remaining bytes at {@code position}; {@code src}'s position is not changed.
     *
     * @throws SegmentClosedException when the file is closed
     */
    void write(int position, ByteBuffer src);

    /**
     * A copy of {@code length} bytes at {@code position}: read-only, position 0, big-endian, and not backed
     * by the file, so it stays valid after the file is closed or deleted.
     *
     * @throws SegmentClosedException when the file is closed
     */
    ByteBuffer read(int position, int length);

    /**
     * Applies {@code reader} to a read-only view of {@code length} bytes at {@code position} (position 0,
     * big-endian) and returns its result. Memory-mapped files pass a slice of the mapping without copying
     * and keep the mapping alive until {@code reader} returns; the view (and anything sliced from it) must
     * not be used after that. Others may pass a copy.
     *
     * @throws SegmentClosedException when the file is closed
     */
    <T> T withView(int position, int length, Function<ByteBuffer, T> reader);

    /** Forces written bytes to the storage device; nothing to do once closed. */
    void force();

    /** Zeroes (or cuts off) everything from {@code position} to the end. */
    void truncate(int position);

    /**
     * Releases the file; idempotent. A memory-mapped file is unmapped as soon as no read, write or view is
     * in progress; from now on they fail with {@link SegmentClosedException}.
     */
    @Override
    void close();

    /** Closes and removes the file (its name at once; a mapping's disk space when it is unmapped). */
    void delete();
}
