package org.relaymq.runtime.broker.store.file;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A memory-mapped segment, preallocated to its capacity. The channel is closed right after mapping (the
 * mapping does not need it), so an open segment holds no file descriptor. The mapping is released by the
 * garbage collector once neither this object nor any buffer from {@link #read} is reachable: explicit
 * unmapping would crash a reader still holding a slice.
 */
final class MappedSegmentFile implements SegmentFile {

    private static final int ZERO_CHUNK = 64 * 1024;

    private final Path path;
    private final int capacity;
    private volatile MappedByteBuffer mapping;

    private MappedSegmentFile(Path path, int capacity, MappedByteBuffer mapping) {
        this.path = path;
        this.capacity = capacity;
        this.mapping = mapping;
    }

    static SegmentFile open(Path path, int capacity) throws IOException {
        try (RandomAccessFile raf = new RandomAccessFile(path.toFile(), "rw");
             FileChannel channel = raf.getChannel()) {
            if (channel.size() < capacity) {
                raf.setLength(capacity);
            }
            return new MappedSegmentFile(path, capacity, channel.map(FileChannel.MapMode.READ_WRITE, 0, capacity));
        }
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public void write(int position, ByteBuffer src) {
        mapped().put(position, src, src.position(), src.remaining());
    }

    @Override
    public ByteBuffer read(int position, int length) {
        return mapped().slice(position, length).asReadOnlyBuffer();
    }

    @Override
    public void force() {
        MappedByteBuffer m = mapping;
        if (m != null) {
            m.force();
        }
    }

    @Override
    public void truncate(int position) {
        MappedByteBuffer m = mapped();
        ByteBuffer zeros = ByteBuffer.allocate(ZERO_CHUNK);
        for (int pos = position; pos < capacity; pos += ZERO_CHUNK) {
            int n = Math.min(ZERO_CHUNK, capacity - pos);
            if (!isZero(m, pos, n)) {
                m.put(pos, zeros, 0, n);
            }
        }
    }

    private static boolean isZero(MappedByteBuffer m, int from, int length) {
        int end = from + length;
        int i = from;
        for (; i + 8 <= end; i += 8) {
            if (m.getLong(i) != 0) {
                return false;
            }
        }
        for (; i < end; i++) {
            if (m.get(i) != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        mapping = null;
    }

    @Override
    public void delete() {
        close();
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    private MappedByteBuffer mapped() {
        MappedByteBuffer m = mapping;
        if (m == null) {
            throw new IllegalStateException("segment file closed: " + path);
        }
        return m;
    }
}
