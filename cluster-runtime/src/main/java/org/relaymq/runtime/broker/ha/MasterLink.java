package org.relaymq.runtime.broker.ha;

import io.netty.channel.Channel;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.relaymq.runtime.common.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection attempt of the slave to its master: the channel, what was read and written when, and why
 * it was closed. Reports are written on the channel's event loop, which reads the store's max offset at
 * that moment, so successive reports never go backwards.
 */
final class MasterLink {

    private static final Logger LOG = LoggerFactory.getLogger(MasterLink.class);

    private final String address;
    private final TimeSource time;
    private final LongSupplier slaveOffset;
    private final AtomicReference<String> closeReason = new AtomicReference<>();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final long createdNanos;
    private volatile Channel channel;
    private volatile boolean active;
    private volatile boolean gone;
    private volatile long lastReportNanos;
    private volatile long lastReadNanos;
    private volatile long knownMasterOffset = -1;
    private volatile long frames;

    MasterLink(String address, TimeSource time, LongSupplier slaveOffset) {
        this.address = address;
        this.time = time;
        this.slaveOffset = slaveOffset;
        this.createdNanos = time.nanoTime();
        this.lastReportNanos = createdNanos;
        this.lastReadNanos = createdNanos;
    }

    String address() {
        return address;
    }

    void attach(Channel ch) {
        this.channel = ch;
    }

    /** The TCP connection is up: housekeeping clocks start now. */
    void activated() {
        long now = time.nanoTime();
        lastReportNanos = now;
        lastReadNanos = now;
        active = true;
    }

    boolean isActive() {
        return active && !gone && closeReason.get() == null;
    }

    /** True once the TCP connection had come up (even if it is gone now). */
    boolean wasConnected() {
        return active;
    }

    /** The channel is closed (whoever closed it). */
    void gone() {
        gone = true;
    }

    /** Writes the slave's current max offset (any thread). */
    void sendReport() {
        Channel ch = channel;
        if (ch == null || !ch.isActive()) {
            return;
        }
        long requestedAt = time.nanoTime(); // the report's time is when it was asked for, not when the write ended
        ch.eventLoop().execute(() -> ch.writeAndFlush(HaWire.report(ch.alloc(), slaveOffset.getAsLong()))
                .addListener(f -> {
                    if (f.isSuccess()) {
                        lastReportNanos = Math.max(lastReportNanos, requestedAt);
                    }
                }));
    }

    /** A frame was decoded (event loop). Returns the bytes now waiting to be appended. */
    long received(TransferFrame frame) {
        lastReadNanos = time.nanoTime();
        frames++;
        knownMasterOffset = Math.max(knownMasterOffset, frame.endOffset());
        bytesReceived.addAndGet(frame.data().length);
        return pendingBytes.addAndGet(frame.data().length);
    }

    /** A frame was handled by the append thread. Returns the bytes still waiting. */
    long handled(TransferFrame frame) {
        return pendingBytes.addAndGet(-frame.data().length);
    }

    long frames() {
        return frames;
    }

    long lastReportNanos() {
        return lastReportNanos;
    }

    long lastReadNanos() {
        return lastReadNanos;
    }

    void setAutoRead(boolean on) {
        Channel ch = channel;
        if (ch != null) {
            ch.config().setAutoRead(on);
        }
    }

    /** Closes the link, remembering the first reason. */
    void close(String reason) {
        if (closeReason.compareAndSet(null, reason)) {
            LOG.warn("HA slave closes its link to master {}: {}", address, reason);
        }
        Channel ch = channel;
        if (ch != null) {
            ch.close();
        }
    }

    String closeReason() {
        return closeReason.get();
    }

    MasterLinkSnapshot snapshot() {
        return new MasterLinkSnapshot(address, isActive(), slaveOffset.getAsLong(), knownMasterOffset,
                bytesReceived.get(), createdNanos, lastReportNanos, lastReadNanos);
    }
}
