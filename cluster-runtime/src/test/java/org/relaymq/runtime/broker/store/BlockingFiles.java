package org.relaymq.runtime.broker.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.relaymq.runtime.broker.store.file.SegmentFile;
import org.relaymq.runtime.broker.store.file.SegmentFileFactory;

/** FileChannel segments whose commit-log {@code force()} waits at a gate the test opens: a slow disk. */
public final class BlockingFiles implements SegmentFileFactory {

    public final AtomicInteger commitLogForces = new AtomicInteger();
    /** Released each time a commit-log force starts (before the gate). */
    public final Semaphore forceEntered = new Semaphore(0);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    public void closeGate() {
        gate = new CountDownLatch(1);
    }

    public void openGate() {
        gate.countDown();
    }

    @Override
    public SegmentFile open(Path path, int capacity) throws IOException {
        SegmentFile real = SegmentFileFactory.channel().open(path, capacity);
        boolean commitLog = path.getParent().getFileName().toString().equals("commitlog");
        return commitLog ? new Slow(real) : real;
    }

    private final class Slow implements SegmentFile {
        private final SegmentFile real;

        Slow(SegmentFile real) {
            this.real = real;
        }

        @Override
        public Path path() {
            return real.path();
        }

        @Override
        public int capacity() {
            return real.capacity();
        }

        @Override
        public void write(int position, ByteBuffer src) {
            real.write(position, src);
        }

        @Override
        public ByteBuffer read(int position, int length) {
            return real.read(position, length);
        }

        @Override
        public <T> T withView(int position, int length, Function<ByteBuffer, T> reader) {
            return real.withView(position, length, reader);
        }

        @Override
        public void force() {
            forceEntered.release();
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            commitLogForces.incrementAndGet();
            real.force();
        }

        @Override
        public void truncate(int position) {
            real.truncate(position);
        }

        @Override
        public void close() {
            real.close();
        }

        @Override
        public void delete() {
            real.delete();
        }
    }
}
