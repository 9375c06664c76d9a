package org.relaymq.runtime.broker.store.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Function;

/**
 * A segment on a plain {@link FileChannel} using positional reads and writes; the file grows as it is
 * written, and reads past its end see zeros. Reads copy into heap buffers. After {@link #close()} reads and
 * writes fail with {@link SegmentClosedException}, and so does one that races with it.
 */
final class ChannelSegmentFile implements SegmentFile {

    private final Path path;
    private final int capacity;
    private final FileChannel channel;

    private ChannelSegmentFile(Path path, int capacity, FileChannel channel) {
        this.path = path;
        this.capacity = capacity;
        this.channel = channel;
    }

    static SegmentFile open(Path path, int capacity) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        return new ChannelSegmentFile(path, capacity, channel);
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
        checkRange(position, src.remaining());
        ByteBuffer b = src.duplicate();
        try {
            long pos = position;
            while (b.hasRemaining()) {
                pos += channel.write(b, pos);
            }
        } catch (ClosedChannelException e) {
            throw closed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("write to " + path + " failed", e);
        }
    }

    @Override
    public ByteBuffer read(int position, int length) {
        checkRange(position, length);
        ByteBuffer b = ByteBuffer.allocate(length);
        try {
            long pos = position;
            while (b.hasRemaining()) {
                int n = channel.read(b, pos);
                if (n < 0) {
                    break;
                }
                pos += n;
            }
        } catch (ClosedChannelException e) {
            throw closed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("read from " + path + " failed", e);
        }
        return b.clear().asReadOnlyBuffer();
    }

    @Override
    public <T> T withView(int position, int length, Function<ByteBuffer, T> reader) {
        return reader.apply(read(position, length));
    }

    @Override
    public void force() {
        try {
            channel.force(false);
        } catch (ClosedChannelException e) {
            // closed or deleted: nothing left to force
        } catch (IOException e) {
            throw new UncheckedIOException("force of " + path + " failed", e);
        }
    }

    @Override
    public void truncate(int position) {
        try {
            if (channel.size() > position) {
                channel.truncate(position);
            }
        } catch (ClosedChannelException e) {
            throw closed(e);
        } catch (IOException e) {
            throw new UncheckedIOException("truncate of " + path + " failed", e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("close of " + path + " failed", e);
        }
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

    private SegmentClosedException closed(ClosedChannelException cause) {
        SegmentClosedException e = new SegmentClosedException(path);
        e.initCause(cause);
        return e;
    }

    private void checkRange(int position, int length) {
        if (position < 0 || length < 0 || (long) position + length > capacity) {
            throw new IndexOutOfBoundsException(path + ": [" + position + ", +" + length + ") outside capacity "
                    + capacity);
        }
    }
}
