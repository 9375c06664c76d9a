package org.relaymq.runtime.broker.store.file;

import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A fixed-capacity file the store writes at absolute positions: the one seam between the log structures
 * and the disk (memory-mapped in production, plain FileChannel or slowed-down in tests). One writer at a
 * time; reads of already-written ranges may run concurrently with writes elsewhere.
 */
public interface SegmentFile extends AutoCloseable {

    Path path();

    /** Logical size in bytes; bytes never written read as zero. */
    int capacity();

    /** Writes {@code src}'s remaining bytes at {@code position}; {@code src}'s position is not changed. */
    void write(int position, ByteBuffer src);

    /**
     * A read-only view of {@code length} bytes at {@code position} (position 0, big-endian). Memory-mapped
     * files return a slice of the mapping (no copy); others may copy.
     */
    ByteBuffer read(int position, int length);

    /** Forces written bytes to the storage device. */
    void force();

    /** Zeroes (or cuts off) everything from {@code position} to the end. */
    void truncate(int position);

    /** Releases the file; idempotent. Buffers handed out by {@link #read} stay readable. */
    @Override
    void close();

    /** Closes and removes the file. */
    void delete();
}
