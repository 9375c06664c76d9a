package org.relaymq.runtime.broker.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * The {@code checkpoint} file: the commit-log offset known to be forced to disk, the offset up to which
 * consume queues and index were flushed, and when it was written. Replaced atomically (temp file + rename),
 * with a CRC so a torn file is ignored (recovery then scans everything).
 */
record Checkpoint(long flushedCommitLogOffset, long dispatchedOffset, long writtenAt) {

    private static final int MAGIC = 0x52434B50;
    private static final int SIZE = 4 + 8 + 8 + 8 + 4;

    static Optional<Checkpoint> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file));
            if (b.remaining() != SIZE || b.getInt(0) != MAGIC || b.getInt(SIZE - 4) != crc(b.array())) {
                return Optional.empty();
            }
            return Optional.of(new Checkpoint(b.getLong(4), b.getLong(12), b.getLong(20)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void write(Path file) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(SIZE);
        b.putInt(MAGIC).putLong(flushedCommitLogOffset).putLong(dispatchedOffset).putLong(writtenAt);
        b.putInt(crc(b.array()));
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ch.write(b.flip());
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static int crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, SIZE - 4);
        return (int) crc.getValue();
    }
}
