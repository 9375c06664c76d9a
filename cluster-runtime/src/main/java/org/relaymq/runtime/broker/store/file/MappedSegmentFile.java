package org.relaymq.runtime.broker.store.file;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * A memory-mapped segment, preallocated to its capacity. The channel is closed right after mapping (the
 * mapping does not need it), so an open segment holds no file descriptor. {@link #close()} unmaps
 * explicitly (see {@link Unmapper}) once no read, write or force is using the mapping: each one holds a
 * {@link UseCount} reference for its duration, and {@link #read} copies, so no buffer into the mapping
 * outlives the call that made it. Once closed, every access fails with {@link SegmentClosedException}.
 */
final class MappedSegmentFile implements SegmentFile {

    private static final int ZERO_CHUNK = 64 * 1024;

    private final Path path;
    private final int capacity;
    private final MappedByteBuffer mapping;
    private final UseCount uses;

    private MappedSegmentFile(Path path, int capacity, MappedByteBuffer mapping) {
        this.path = path;
        this.capacity = capacity;
        this.mapping = mapping;
        this.uses = new UseCount(() -> Unmapper.unmap(mapping));
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
        enter();
        try {
            mapping.put(position, src, src.position(), src.remaining());
        } finally {
            uses.exit();
        }
    }

    @Override
    public ByteBuffer read(int position, int length) {
        byte[] copy = new byte[length];
        enter();
        try {
            mapping.get(position, copy);
        } finally {
            uses.exit();
        }
        return ByteBuffer.wrap(copy).asReadOnlyBuffer();
    }

    @Override
    public <T> T withView(int position, int length, Function<ByteBuffer, T> reader) {
        enter();
        try {
            return reader.apply(mapping.slice(position, length).asReadOnlyBuffer());
        } finally {
            uses.exit();
        }
    }

    @Override
    public void force() {
        if (!uses.enter()) {
            return;
        }
        try {
            mapping.force();
        } finally {
            uses.exit();
        }
    }

    @Override
    public void truncate(int position) {
        enter();
        try {
            ByteBuffer zeros = ByteBuffer.allocate(ZERO_CHUNK);
            for (int pos = position; pos < capacity; pos += ZERO_CHUNK) {
                int n = Math.min(ZERO_CHUNK, capacity - pos);
                if (!isZero(mapping, pos, n)) {
                    mapping.put(pos, zeros, 0, n);
                }
            }
        } finally {
            uses.exit();
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
        uses.close();
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

    private void enter() {
        if (!uses.enter()) {
            throw new SegmentClosedException(path);
        }
    }
}
