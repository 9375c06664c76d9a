package org.relaymq.console.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** A process that prints what the test says and ends when destroyed (SIGTERM → 143, SIGKILL → 137). */
public final class FakeProcess extends Process {

    private static final AtomicInteger PIDS = new AtomicInteger(40_000);

    private final PipedInputStream out = new PipedInputStream(64 * 1024);
    private final PipedOutputStream writer;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final long pid = PIDS.incrementAndGet();
    private volatile int exitCode = -1;
    private volatile boolean ignoresSigterm;

    public FakeProcess() {
        try {
            writer = new PipedOutputStream(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public FakeProcess print(String line) {
        try {
            writer.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Makes SIGTERM do nothing, like a node stuck in its shutdown: only SIGKILL ends it. */
    public FakeProcess ignoreSigterm() {
        ignoresSigterm = true;
        return this;
    }

    public void exit(int code) {
        if (exitCode < 0) {
            exitCode = code;
            try {
                writer.close();
            } catch (IOException ignored) {
                // already closed
            }
            ended.countDown();
        }
    }

    @Override
    public long pid() {
        return pid;
    }

    @Override
    public OutputStream getOutputStream() {
        return new ByteArrayOutputStream();
    }

    @Override
    public InputStream getInputStream() {
        return out;
    }

    @Override
    public InputStream getErrorStream() {
        return InputStream.nullInputStream();
    }

    @Override
    public int waitFor() throws InterruptedException {
        ended.await();
        return exitCode;
    }

    @Override
    public int exitValue() {
        if (exitCode < 0) {
            throw new IllegalThreadStateException("running");
        }
        return exitCode;
    }

    @Override
    public boolean isAlive() {
        return exitCode < 0;
    }

    @Override
    public void destroy() {
        if (!ignoresSigterm) {
            exit(143);
        }
    }

    @Override
    public Process destroyForcibly() {
        exit(137);
        return this;
    }
}
