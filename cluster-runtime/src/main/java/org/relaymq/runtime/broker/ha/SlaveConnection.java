package org.relaymq.runtime.broker.ha;

import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.common.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master side of one slave's HA connection. Reports arrive on the Netty event loop ({@link #onReport});
 * every write happens in {@link #pump}, which runs on the master's transfer executor (reading the commit
 * log may touch the disk), one pump per connection at a time, so frames leave in offset order.
 */
final class SlaveConnection {

    private static final Logger LOG = LoggerFactory.getLogger(SlaveConnection.class);
    /** Bytes one pump writes before yielding to other connections. */
    private static final int ROUND_BYTES = 1024 * 1024;

    /** What the connection tells its server. */
    interface Owner {
        void onFirstReport(SlaveConnection connection);

        void onAck(long offset);
    }

    private final Channel channel;
    private final String address;
    private final MessageStore store;
    private final HaConfig config;
    private final TimeSource time;
    private final Executor transfer;
    private final Owner owner;
    private final AtomicBoolean pumpQueued = new AtomicBoolean();
    private final AtomicReference<String> closeReason = new AtomicReference<>();
    private final LongAdder bytesSent = new LongAdder();
    private final long connectedNanos;
    private volatile long startOffset = -1;
    private volatile long nextOffset = -1;
    private volatile long ackOffset = -1;
    private volatile long lastReadNanos;
    private volatile long lastWriteNanos;

    SlaveConnection(Channel channel, MessageStore store, HaConfig config, TimeSource time, Executor transfer,
                    Owner owner) {
        this.channel = channel;
        this.address = HaAddress.of(channel.remoteAddress());
        this.store = store;
        this.config = config;
        this.time = time;
        this.transfer = transfer;
        this.owner = owner;
        this.connectedNanos = time.nanoTime();
        this.lastReadNanos = connectedNanos;
        this.lastWriteNanos = connectedNanos;
    }

    String address() {
        return address;
    }

    long ackOffset() {
        return ackOffset;
    }

    long startOffset() {
        return startOffset;
    }

    /** Why the master closed it, or null when the slave (or the network) did. */
    String closeReason() {
        return closeReason.get();
    }

    /** A complete offset report from the slave (event loop). */
    void onReport(long offset) {
        lastReadNanos = time.nanoTime();
        long masterMax = store.commitLogMaxOffset();
        if (offset > masterMax) {
            close("slave ahead of its master: slave reports offset " + offset + " but the master's max offset is "
                    + masterMax);
            return;
        }
        if (startOffset < 0 && !begin(offset, masterMax)) {
            return;
        }
        if (offset > ackOffset) {
            ackOffset = offset;
        }
        owner.onAck(offset);
        requestPump();
    }

    private boolean begin(long reported, long masterMax) {
        long masterMin = store.commitLogMinOffset();
        long start = config.startPolicy().startFor(reported, masterMin, masterMax,
                store.config().commitLogSegmentSize());
        if (start < masterMin) {
            close("slave offset " + start + " is below the master's oldest offset " + masterMin
                    + " (those segments were deleted); the slave cannot catch up");
            return false;
        }
        startOffset = start;
        nextOffset = start;
        ackOffset = reported;
        LOG.info("HA slave {} reported offset {}; streaming from {} (master max {})", address, reported, start,
                masterMax);
        owner.onFirstReport(this);
        return true;
    }

    /** Asks the transfer executor to send what is new (cheap; at most one pump queued). */
    void requestPump() {
        if (startOffset < 0 || !pumpQueued.compareAndSet(false, true)) {
            return;
        }
        try {
            transfer.execute(this::pump);
        } catch (RejectedExecutionException e) {
            pumpQueued.set(false);
        }
    }

    /** Scheduler tick: drop a silent slave, otherwise give the pump a chance (heartbeats, missed nudges). */
    void tick() {
        long silentNanos = time.nanoTime() - lastReadNanos;
        if (silentNanos > config.haHousekeepingInterval().toNanos()) {
            close("no report from the slave for " + silentNanos / 1_000_000 + " ms (housekeeping "
                    + config.haHousekeepingInterval().toMillis() + " ms)");
            return;
        }
        requestPump();
    }

    private void pump() {
        pumpQueued.set(false);
        if (!channel.isActive() || nextOffset < 0) {
            return;
        }
        try {
            int written = sendData();
            if (written == 0 && time.nanoTime() - lastWriteNanos >= config.haSendHeartbeatInterval().toNanos()) {
                channel.write(HaWire.heartbeat(channel.alloc(), nextOffset));
                lastWriteNanos = time.nanoTime();
            }
            channel.flush();
            if (channel.isWritable() && nextOffset < store.commitLogMaxOffset()) {
                requestPump();
            }
        } catch (IllegalArgumentException e) {
            close("cannot read the commit log at " + nextOffset + ": " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("HA transfer to {} failed", address, e);
            close("transfer failed: " + e);
        }
    }

    private int sendData() {
        long max = store.commitLogMaxOffset();
        int written = 0;
        while (channel.isWritable() && nextOffset < max && written < ROUND_BYTES) {
            ByteBuffer data = store.readCommitLog(nextOffset, config.haTransferBatchSize());
            int n = data.remaining();
            if (n == 0) {
                break;
            }
            channel.write(HaWire.frame(channel.alloc(), nextOffset, data));
            nextOffset += n;
            written += n;
            bytesSent.add(n);
            lastWriteNanos = time.nanoTime();
        }
        return written;
    }

    /** Closes the connection, remembering the first reason given. */
    void close(String reason) {
        if (closeReason.compareAndSet(null, reason)) {
            LOG.warn("HA master drops slave {}: {}", address, reason);
        }
        channel.close();
    }

    ReplicaSnapshot snapshot() {
        return new ReplicaSnapshot(address, startOffset, ackOffset, nextOffset, store.commitLogMaxOffset(),
                bytesSent.sum(), connectedNanos);
    }
}
