package org.relaymq.runtime.broker.store.file;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reference counting for a resource that must not be released while in use (a mapping: touching it after
 * unmapping crashes the JVM). The owner holds one reference, dropped by {@link #close()}; every use is
 * bracketed by {@link #enter()} and {@link #exit()}. The release action runs exactly once, on the thread
 * that drops the last reference. After {@code close()} no new use can enter, so the count only drains.
 */
final class UseCount {

    private final AtomicInteger count = new AtomicInteger(1);
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Runnable release;

    UseCount(Runnable release) {
        this.release = release;
    }

    /** Starts a use; false when closed (the caller must not touch the resource, nor call {@link #exit}). */
    boolean enter() {
        if (closed.get()) {
            return false;
        }
        while (true) {
            int c = count.get();
            if (c <= 0) {
                return false;
            }
            if (count.compareAndSet(c, c + 1)) {
                return true;
            }
        }
    }

    /** Ends a use begun by a successful {@link #enter()}. */
    void exit() {
        if (count.decrementAndGet() == 0) {
            release.run();
        }
    }

    /** Drops the owner's reference (once): the resource is released now or when the last use exits. */
    void close() {
        if (closed.compareAndSet(false, true)) {
            exit();
        }
    }
}
