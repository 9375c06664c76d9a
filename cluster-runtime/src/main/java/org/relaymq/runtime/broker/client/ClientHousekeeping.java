package org.relaymq.runtime.broker.client;

import java.time.Duration;
import java.util.Objects;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.ChannelEventListener;
import org.relaymq.runtime.remoting.RemoteChannel;

/**
 * Keeps the client registries honest: a closed connection leaves every group at once (channel
 * events), and a periodic scan drops channels that stopped sending heartbeats.
 */
public final class ClientHousekeeping implements ChannelEventListener, AutoCloseable {

    private final ConsumerManager consumers;
    private final ProducerManager producers;
    private final TimeSource time;
    private Scheduler.Cancellable scan;
    private boolean closed;

    public ClientHousekeeping(ConsumerManager consumers, ProducerManager producers, TimeSource time) {
        this.consumers = Objects.requireNonNull(consumers, "consumers");
        this.producers = Objects.requireNonNull(producers, "producers");
        this.time = Objects.requireNonNull(time, "time");
    }

    /** Scans every {@code interval} (10 s by default). */
    public synchronized void start(Scheduler scheduler, Duration interval) {
        if (scan == null && !closed) {
            scan = scheduler.scheduleWithFixedDelay(this::scanNow, interval, interval);
        }
    }

    /** One scan at the current time. */
    public void scanNow() {
        long now = time.monotonicMillis();
        consumers.scanExpired(now);
        producers.scanExpired(now);
    }

    @Override
    public void onClosed(RemoteChannel channel) {
        consumers.channelClosed(channel.id());
        producers.channelClosed(channel.id());
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (scan != null) {
            scan.cancel();
        }
    }
}
