package org.relaymq.runtime.remoting;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remoting server: accepts connections on one or more ports, serves requests through its
 * {@link HandlerTable}, and can call its clients back over their own connections. Owns its event
 * loops and its channel-event thread; the handler executors belong to whoever registered them.
 */
public final class NettyRemotingServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingServer.class);
    private static final long QUIET_PERIOD_MILLIS = 20;

    private final RemotingServerConfig config;
    private final HandlerTable handlers = new HandlerTable();
    private final InFlightRequests inFlight;
    private final AsyncChannelEvents events;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final Set<Channel> connections = ConcurrentHashMap.newKeySet();
    private final List<Channel> listeners = new ArrayList<>();
    private boolean started;
    private boolean closed;

    public NettyRemotingServer(RemotingServerConfig config, Scheduler scheduler) {
        this(config, scheduler, null);
    }

    /** {@code listener} (may be null) hears about connections on a dedicated thread. */
    public NettyRemotingServer(RemotingServerConfig config, Scheduler scheduler, ChannelEventListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.inFlight = new InFlightRequests(Objects.requireNonNull(scheduler, "scheduler"));
        this.events = listener == null ? null : new AsyncChannelEvents(config.name() + "-events", listener);
        this.boss = new NioEventLoopGroup(1, new DefaultThreadFactory(config.name() + "-accept", true));
        this.workers = new NioEventLoopGroup(config.workerThreads(),
                new DefaultThreadFactory(config.name() + "-io", true));
    }

    public HandlerTable handlers() {
        return handlers;
    }

    public NettyRemotingServer registerHandler(int code, RequestHandler handler, ExecutorService executor) {
        handlers.register(code, handler, executor);
        return this;
    }

    /** Binds every configured port; on failure nothing stays bound and the error says which port. */
    public synchronized NettyRemotingServer start() {
        if (closed || started) {
            throw new IllegalStateException(closed ? "server closed" : "server already started");
        }
        started = true;
        ServerBootstrap bootstrap = bootstrap();
        List<Integer> wanted = new ArrayList<>();
        wanted.add(config.port());
        wanted.addAll(config.additionalPorts());
        for (int port : wanted) {
            try {
                listeners.add(bootstrap.bind(config.bindHost(), port).syncUninterruptibly().channel());
            } catch (Exception e) { // Netty rethrows the checked BindException undeclared
                close();
                throw new IllegalStateException("cannot listen on " + config.bindHost() + ":" + port + ": "
                        + e.getMessage(), e);
            }
        }
        LOG.info("{} listening on {} ports {} ({})", config.name(), config.bindHost(), ports(), config);
        return this;
    }

    private ServerBootstrap bootstrap() {
        ChannelEventListener sink = events != null ? events : new ChannelEventListener() { };
        CommandDispatcher dispatcher = new CommandDispatcher(handlers, inFlight, sink);
        return new ServerBootstrap()
                .group(boss, workers)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_LINGER, 0) // see ResetOnDeathHandler
                .childOption(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        config.writeBufferLowWaterMark(), config.writeBufferHighWaterMark()))
                .childHandler(new ServerChannelInitializer(config, dispatcher, this::track));
    }

    private void track(SocketChannel ch) {
        connections.add(ch);
        ch.closeFuture().addListener(f -> connections.remove(ch));
    }

    /** The main port (after {@link #start()}; the real one when configured as 0). */
    public synchronized int port() {
        if (listeners.isEmpty()) {
            throw new IllegalStateException("server not started");
        }
        return ((InetSocketAddress) listeners.get(0).localAddress()).getPort();
    }

    /** Every bound port, the main one first. */
    public synchronized List<Integer> ports() {
        return listeners.stream().map(ch -> ((InetSocketAddress) ch.localAddress()).getPort()).toList();
    }

    public RemotingServerConfig config() {
        return config;
    }

    /** Sends a request to a client over its own connection and waits for the answer. */
    public RemotingCommand invokeSync(RemoteChannel channel, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        requireActive(channel);
        return Responses.await(inFlight.send(channel.channel(), channel.remoteAddress(), request, timeoutMillis));
    }

    /** Sends a oneway request to a client over its own connection; does not wait for the write. */
    public void invokeOneway(RemoteChannel channel, RemotingCommand request) throws RemotingException {
        requireActive(channel);
        inFlight.sendOneway(channel.channel(), channel.remoteAddress(), request).whenComplete((v, e) -> {
            if (e != null) {
                LOG.debug("oneway request code={} to {} not sent: {}", request.code(), channel, e.toString());
            }
        });
    }

    private void requireActive(RemoteChannel channel) throws RemotingChannelClosedException {
        if (closed || !channel.isActive()) {
            throw new RemotingChannelClosedException("channel " + channel.remoteAddress() + " is closed");
        }
    }

    /** Number of open client connections. */
    public int connectionCount() {
        return connections.size();
    }

    /**
     * Stops accepting, closes every connection, fails calls still waiting for clients, and stops the
     * event loops and the event thread. Idempotent.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        listeners.forEach(ch -> ch.close().awaitUninterruptibly(3, TimeUnit.SECONDS));
        List<Channel> open = new ArrayList<>(connections);
        open.forEach(Channel::close);
        open.forEach(ch -> ch.closeFuture().awaitUninterruptibly(3, TimeUnit.SECONDS));
        inFlight.failAll(addr -> new RemotingChannelClosedException(
                "server " + config.name() + " closed while waiting for the response from " + addr));
        boss.shutdownGracefully(QUIET_PERIOD_MILLIS, 2000, TimeUnit.MILLISECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        workers.shutdownGracefully(QUIET_PERIOD_MILLIS, 2000, TimeUnit.MILLISECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        if (events != null) {
            events.close();
        }
        LOG.info("{} closed", config.name());
    }
}
