package org.relaymq.runtime.broker.ha;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.telemetry.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Master side of replication (protocol.md §9.2): listens on the HA port, streams the commit log to each
 * slave from the offset it reports, tracks acknowledgements for SYNC_MASTER and drops silent slaves.
 * Threads: one accept and one I/O event loop (reports only), one transfer thread (reads the commit log and
 * writes frames), one thread completing SYNC_MASTER waits; timers on the injected scheduler.
 */
public final class HaServer implements ReplicaAcks, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HaServer.class);

    private final HaConfig config;
    private final MessageStore store;
    private final EventSink events;
    private final Scheduler scheduler;
    private final TimeSource time;
    private final List<SlaveConnection> connections = new CopyOnWriteArrayList<>();
    private final ThreadPoolExecutor transfer;
    private final ThreadPoolExecutor ackCompleter;
    private final AckWaiters acks;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private Channel listener;
    private Scheduler.Cancellable tick;
    private volatile boolean closed;

    public HaServer(HaConfig config, MessageStore store, EventSink events, Scheduler scheduler, TimeSource time) {
        this.config = Objects.requireNonNull(config, "config");
        this.store = Objects.requireNonNull(store, "store");
        this.events = Objects.requireNonNull(events, "events");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.time = Objects.requireNonNull(time, "time");
        this.transfer = Executors2.fixedBounded("ha-transfer", 1, 4096);
        this.ackCompleter = Executors2.fixedBounded("ha-ack", 1, 1_000_000);
        this.acks = new AckWaiters(scheduler, ackCompleter);
        this.boss = new NioEventLoopGroup(1, new DefaultThreadFactory("ha-accept", true));
        this.workers = new NioEventLoopGroup(1, new DefaultThreadFactory("ha-io", true));
    }

    /** Binds the HA port and starts the housekeeping tick; returns the bound port. */
    public synchronized int start() {
        if (listener != null || closed) {
            throw new IllegalStateException(closed ? "HA server closed" : "HA server already started");
        }
        try {
            listener = bootstrap().bind(config.bindHost(), config.haListenPort()).syncUninterruptibly().channel();
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot listen for HA on " + config.bindHost() + ":"
                    + config.haListenPort() + ": " + e.getMessage(), e);
        }
        tick = scheduler.scheduleWithFixedDelay(this::tick, config.tickInterval(), config.tickInterval());
        LOG.info("HA master listening on {}:{} (batch {} bytes, heartbeat {} ms, housekeeping {} ms, start {})",
                config.bindHost(), port(), config.haTransferBatchSize(), config.haSendHeartbeatInterval().toMillis(),
                config.haHousekeepingInterval().toMillis(), config.startPolicy());
        return port();
    }

    private ServerBootstrap bootstrap() {
        SlaveChannelHandler.Registry registry = new SlaveChannelHandler.Registry() {
            @Override
            public SlaveConnection opened(ChannelHandlerContext ctx) {
                return accepted(ctx.channel());
            }

            @Override
            public void closed(SlaveConnection connection) {
                lost(connection);
            }
        };
        return new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(256 * 1024, 1024 * 1024))
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new OffsetReportDecoder(), new SlaveChannelHandler(registry));
                    }
                });
    }

    /** The bound HA port (0 before {@link #start}). */
    public synchronized int port() {
        return listener == null ? 0 : ((InetSocketAddress) listener.localAddress()).getPort();
    }

    private SlaveConnection accepted(Channel channel) {
        SlaveConnection c = new SlaveConnection(channel, store, config, time, transfer, new SlaveConnection.Owner() {
            @Override
            public void onFirstReport(SlaveConnection connection) {
                publishConnected(connection);
            }

            @Override
            public void onAck(long offset) {
                acks.onAck(offset);
            }
        });
        connections.add(c);
        LOG.info("HA slave connected from {}", c.address());
        return c;
    }

    private void publishConnected(SlaveConnection c) {
        events.publish(EventKind.REPLICA_CONNECTED, EventData.create().put("side", "master")
                .put("slaveAddr", c.address()).put("slaveOffset", c.ackOffset()).put("startOffset", c.startOffset())
                .put("masterOffset", store.commitLogMaxOffset()).build());
    }

    private void lost(SlaveConnection c) {
        if (!connections.remove(c)) {
            return;
        }
        String reason = c.closeReason() == null ? "connection closed by the slave" : c.closeReason();
        LOG.info("HA slave {} gone: {}", c.address(), reason);
        events.publish(EventKind.REPLICA_LOST, EventData.create().put("side", "master")
                .put("slaveAddr", c.address()).put("slaveOffset", c.ackOffset())
                .put("masterOffset", store.commitLogMaxOffset()).put("reason", reason).build());
    }

    private void tick() {
        connections.forEach(SlaveConnection::tick);
    }

    /** Tells the transfer thread there is new data (call after appends; cheap). */
    public void onStoreAppended() {
        for (SlaveConnection c : connections) {
            c.requestPump();
        }
    }

    /** The connected slaves. */
    public List<ReplicaSnapshot> replicas() {
        return connections.stream().map(SlaveConnection::snapshot).toList();
    }

    /** Highest offset any slave acknowledged, -1 if none ever did. */
    public long maxAckOffset() {
        return acks.maxAck();
    }

    /** A slave is healthy relative to the store's current max offset. */
    public boolean isSlaveHealthy() {
        return isSlaveHealthy(store.commitLogMaxOffset());
    }

    @Override
    public boolean isSlaveHealthy(long masterOffset) {
        for (SlaveConnection c : connections) {
            long ack = c.ackOffset();
            if (ack >= 0 && masterOffset - ack < config.haSlaveFallbehindMax()) {
                return true;
            }
        }
        return false;
    }

    @Override
    public CompletableFuture<Boolean> waitForAck(long offset, Duration timeout) {
        CompletableFuture<Boolean> f = acks.await(offset, timeout);
        if (!f.isDone()) {
            onStoreAppended();
        }
        return f;
    }

    /** Unbinds, drops every slave, fails pending waits (false) and stops the threads. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (tick != null) {
                tick.cancel();
            }
            if (listener != null) {
                listener.close().syncUninterruptibly();
            }
        }
        connections.forEach(c -> c.close("master HA service stopped"));
        acks.close();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        Executors2.shutdownAndAwait(transfer, Duration.ofSeconds(2));
        Executors2.shutdownAndAwait(ackCompleter, Duration.ofSeconds(2));
        LOG.info("HA master stopped");
    }
}
