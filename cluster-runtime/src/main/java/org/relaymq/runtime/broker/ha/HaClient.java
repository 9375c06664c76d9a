package org.relaymq.runtime.broker.ha;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.telemetry.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slave side of replication (protocol.md §9.2). Connects to the master's HA address (config
 * {@code haMasterAddress}, else the one learned from the NameServer, re-read on every attempt), reports its
 * commit-log max offset right after connecting, after every appended frame and at least every heartbeat
 * interval, and appends the master's frames with {@link MessageStore#appendRaw} on its own thread.
 *
 * <p>Rules: a frame (or heartbeat) must start at the slave's max offset; only an empty slave accepts
 * another start, and only if its store can begin there (a segment start — the master picks one). On a
 * mismatch, a refused append, a lost connection, or housekeeping (no report written, or nothing read, for
 * {@code haHousekeepingInterval}) the link is closed and retried after a growing backoff.
 */
public final class HaClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HaClient.class);
    private static final long PAUSE_READ_BYTES = 4L * 1024 * 1024;
    private static final long RESUME_READ_BYTES = 1024L * 1024;

    private final HaConfig config;
    private final MessageStore store;
    private final Supplier<Optional<String>> learnedMasterAddress;
    private final EventSink events;
    private final Scheduler scheduler;
    private final TimeSource time;
    private final ReconnectBackoff backoff;
    private final EventLoopGroup group;
    private final ThreadPoolExecutor appender;
    private final MasterLinkHandler.Callbacks callbacks = new Callbacks();
    private final NetworkFaultTable faults;
    private MasterLink current;
    private Scheduler.Cancellable reconnect;
    private Scheduler.Cancellable tick;
    private boolean started;
    private boolean closed;

    /**
     * @param learnedMasterAddress the master HA address learned from REGISTER_BROKER answers (used when the
     *                             config has none), e.g. {@code registrar::haMasterAddress}
     */
    public HaClient(HaConfig config, MessageStore store, Supplier<Optional<String>> learnedMasterAddress,
                    EventSink events, Scheduler scheduler, TimeSource time) {
        this(config, store, learnedMasterAddress, events, scheduler, time, null);
    }

    /**
     * As above, with the node's fault table filtering the link to the master (null: no filter). Under a DROP
     * the master's frames are discarded and the reports are "written" into the void, so after
     * {@code haHousekeepingInterval} with nothing read this client closes the link (that close reaches the
     * master) and reconnects, as it would on a silent master.
     */
    public HaClient(HaConfig config, MessageStore store, Supplier<Optional<String>> learnedMasterAddress,
                    EventSink events, Scheduler scheduler, TimeSource time, NetworkFaultTable faults) {
        this.faults = faults;
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.learnedMasterAddress = Objects.requireNonNull(learnedMasterAddress, "learnedMasterAddress");
        this.events = Objects.requireNonNull(events, "events");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.time = Objects.requireNonNull(time, "time");
        this.backoff = new ReconnectBackoff(config.reconnectMinBackoff(), config.reconnectMaxBackoff());
        this.group = new NioEventLoopGroup(1, new DefaultThreadFactory("ha-client-io", true));
        this.appender = Executors2.fixedBounded("ha-append", 1, 100_000);
    }

    /** Starts the first connection attempt now and the housekeeping tick. */
    public synchronized void start() {
        if (started || closed) {
            throw new IllegalStateException(closed ? "HA client closed" : "HA client already started");
        }
        started = true;
        tick = scheduler.scheduleWithFixedDelay(this::tick, config.tickInterval(), config.tickInterval());
        connect();
    }

    /** The master HA address to use now: the configured one, else the learned one. */
    public Optional<String> masterAddress() {
        return config.haMasterAddress() != null ? Optional.of(config.haMasterAddress()) : learnedMasterAddress.get();
    }

    /** The current link (connected or being connected), if any. */
    public synchronized Optional<MasterLinkSnapshot> link() {
        return Optional.ofNullable(current).map(MasterLink::snapshot);
    }

    public synchronized boolean isConnected() {
        return current != null && current.isActive();
    }

    private synchronized void connect() {
        reconnect = null;
        if (closed || current != null) {
            return;
        }
        Optional<String> address = masterAddress();
        if (address.isEmpty()) {
            LOG.debug("HA slave: no master HA address known yet");
            scheduleReconnect();
            return;
        }
        InetSocketAddress target;
        try {
            target = HaAddress.parse(address.get());
        } catch (IllegalArgumentException e) {
            LOG.warn("HA slave: bad master HA address: {}", e.getMessage());
            scheduleReconnect();
            return;
        }
        MasterLink link = new MasterLink(address.get(), time, store::commitLogMaxOffset);
        current = link;
        LOG.info("HA slave connecting to master {} from offset {}", address.get(), store.commitLogMaxOffset());
        ChannelFuture f = bootstrap(link).connect(target.getHostString(), target.getPort());
        link.attach(f.channel());
        f.addListener(done -> {
            if (!done.isSuccess()) {
                ended(link, "connect failed: " + done.cause().getMessage());
            }
        });
    }

    private Bootstrap bootstrap(MasterLink link) {
        return new Bootstrap().group(group).channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 3000)
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast("frameDecoder", new TransferFrameDecoder());
                        if (faults != null) {
                            ch.pipeline().addLast("faults", faults.newHandler());
                        }
                        ch.pipeline().addLast("link", new MasterLinkHandler(link, callbacks));
                    }
                });
    }

    private synchronized void scheduleReconnect() {
        if (closed || reconnect != null) {
            return;
        }
        Duration delay = backoff.next();
        reconnect = scheduler.schedule(this::connect, delay);
    }

    private void ended(MasterLink link, String failure) {
        synchronized (this) {
            if (current != link) {
                return;
            }
            current = null;
            link.gone();
            scheduleReconnect();
        }
        if (!link.wasConnected()) {
            LOG.info("HA slave: cannot reach master {}: {}", link.address(), failure);
        } else {
            lost(link);
        }
    }

    private void lost(MasterLink link) {
        String reason = link.closeReason();
        if (reason == null && link.frames() == 0) {
            reason = "the master closed the connection before sending anything; a master drops a slave whose "
                    + "offset (" + store.commitLogMaxOffset() + ") is beyond its own max offset (this slave may be "
                    + "ahead of its master) or below its oldest offset (segments deleted)";
            LOG.warn("HA slave: master {} refused this slave: {}", link.address(), reason);
        } else if (reason == null) {
            reason = "connection closed by the master";
        }
        MasterLinkSnapshot s = link.snapshot();
        events.publish(EventKind.REPLICA_LOST, EventData.create().put("side", "slave")
                .put("masterAddr", link.address()).put("slaveOffset", s.slaveOffset())
                .put("masterOffset", s.knownMasterOffset()).put("reason", reason).build());
    }

    private void tick() {
        MasterLink link;
        synchronized (this) {
            link = current;
        }
        if (link == null || !link.isActive()) {
            return;
        }
        long now = time.nanoTime();
        long housekeeping = config.haHousekeepingInterval().toNanos();
        if (now - link.lastReportNanos() > housekeeping) {
            link.close("no report written to the master for " + (now - link.lastReportNanos()) / 1_000_000 + " ms");
        } else if (now - link.lastReadNanos() > housekeeping) {
            link.close("nothing received from the master for " + (now - link.lastReadNanos()) / 1_000_000 + " ms");
        } else if (now - link.lastReportNanos() >= config.haSendHeartbeatInterval().toNanos()) {
            link.sendReport();
        }
    }

    private void apply(MasterLink link, TransferFrame frame) {
        try {
            if (!link.isActive()) {
                return;
            }
            String problem = appendOrCheck(frame);
            if (problem != null) {
                link.close(problem);
            } else if (!frame.isHeartbeat()) {
                link.sendReport();
                synchronized (this) {
                    backoff.reset();
                }
            }
        } catch (RuntimeException e) {
            link.close("append failed: " + e);
        } finally {
            if (link.handled(frame) < RESUME_READ_BYTES) {
                link.setAutoRead(true);
            }
        }
    }

    /** Appends a data frame or checks a heartbeat; returns why the link must close, or null. */
    private String appendOrCheck(TransferFrame frame) {
        long mine = store.commitLogMaxOffset();
        boolean empty = mine == 0;
        if (!empty && frame.startOffset() != mine) {
            return "offset mismatch: the master " + (frame.isHeartbeat() ? "is at " : "sent data from ")
                    + frame.startOffset() + " but this slave's max offset is " + mine;
        }
        if (frame.isHeartbeat() || store.appendRaw(frame.startOffset(), frame.data())) {
            return null;
        }
        return "the store refused an append at " + frame.startOffset() + " (slave max offset "
                + store.commitLogMaxOffset() + "; an empty slave can only start at a segment start)";
    }

    private final class Callbacks implements MasterLinkHandler.Callbacks {
        @Override
        public void connected(MasterLink link) {
            LOG.info("HA slave connected to master {}, reporting offset {}", link.address(),
                    store.commitLogMaxOffset());
            link.sendReport();
            events.publish(EventKind.REPLICA_CONNECTED, EventData.create().put("side", "slave")
                    .put("masterAddr", link.address()).put("slaveOffset", store.commitLogMaxOffset()).build());
        }

        @Override
        public void frame(MasterLink link, TransferFrame frame) {
            if (link.received(frame) > PAUSE_READ_BYTES) {
                link.setAutoRead(false);
            }
            try {
                appender.execute(() -> apply(link, frame));
            } catch (RejectedExecutionException e) {
                link.close("append queue full or stopped");
            }
        }

        @Override
        public void closed(MasterLink link) {
            ended(link, "connection closed");
        }
    }

    /** Closes the link and stops the threads; no reconnect afterwards. Idempotent. */
    @Override
    public void close() {
        MasterLink link;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            link = current;
            current = null;
            if (tick != null) {
                tick.cancel();
            }
            if (reconnect != null) {
                reconnect.cancel();
            }
        }
        if (link != null) {
            link.close("slave HA client stopped");
            link.gone();
            if (link.wasConnected()) {
                lost(link);
            }
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        Executors2.shutdownAndAwait(appender, Duration.ofSeconds(2));
        LOG.info("HA slave client stopped");
    }
}
