package org.relaymq.runtime.remoting;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A remoting client: one lazily opened connection per "host:port", sync / async / oneway calls
 * matched to responses by opaque, and a {@link HandlerTable} answering the requests servers send
 * back over those connections. Timeouts run on the injected {@link Scheduler} and {@link TimeSource}.
 * Owns its event loop and its callback threads.
 */
public final class NettyRemotingClient implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NettyRemotingClient.class);
    private static final long QUIET_PERIOD_MILLIS = 20;

    private final RemotingClientConfig config;
    private final TimeSource time;
    private final HandlerTable handlers = new HandlerTable();
    private final InFlightRequests inFlight;
    private final EventLoopGroup loop;
    private final ThreadPoolExecutor callbacks;
    private final ClientChannelTable channels;
    private final Semaphore asyncPermits;
    private final Semaphore onewayPermits;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final NetworkFaultTable faults;

    /** A client without fault injection. */
    public NettyRemotingClient(RemotingClientConfig config, Scheduler scheduler, TimeSource time) {
        this(config, scheduler, time, null);
    }

    /**
     * @param faults the node's fault table, filtering every connection this client opens; null for none (the
     *               pipeline then has no fault filter at all)
     */
    public NettyRemotingClient(RemotingClientConfig config, Scheduler scheduler, TimeSource time,
                               NetworkFaultTable faults) {
        this.faults = faults;
        this.config = Objects.requireNonNull(config, "config");
        this.time = Objects.requireNonNull(time, "time");
        this.inFlight = new InFlightRequests(Objects.requireNonNull(scheduler, "scheduler"));
        this.asyncPermits = new Semaphore(config.asyncPermits());
        this.onewayPermits = new Semaphore(config.onewayPermits());
        this.loop = new NioEventLoopGroup(config.workerThreads(), new DefaultThreadFactory(config.name() + "-io", true));
        this.callbacks = Executors2.fixedBounded(config.name() + "-callback", config.callbackThreads(),
                config.asyncPermits() + 1024);
        this.channels = new ClientChannelTable(bootstrap());
    }

    private Bootstrap bootstrap() {
        CommandDispatcher dispatcher = new CommandDispatcher(handlers, inFlight, new ChannelEventListener() { });
        return new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) config.connectTimeout().toMillis())
                .option(ChannelOption.WRITE_BUFFER_WATER_MARK, new WriteBufferWaterMark(
                        config.writeBufferLowWaterMark(), config.writeBufferHighWaterMark()))
                .handler(new ClientChannelInitializer(config, dispatcher, faults));
    }

    /** Handlers for requests that servers send to this client (e.g. NOTIFY_CONSUMER_IDS_CHANGED). */
    public HandlerTable handlers() {
        return handlers;
    }

    public RemotingClientConfig config() {
        return config;
    }

    /** Sends {@code request} to {@code addr} ("host:port") and waits for the response. */
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        long start = time.nanoTime();
        Channel ch = awaitChannel(addr);
        long remaining = remainingMillis(start, timeoutMillis);
        if (remaining <= 0) {
            throw RemotingTimeoutException.waitingOn(addr, timeoutMillis);
        }
        try {
            return Responses.await(inFlight.send(ch, addr, request, remaining));
        } catch (RemotingTimeoutException e) {
            if (config.closeChannelOnSyncTimeout() && faults != null && faults.drops(ch)) {
                // a partition keeps its connections open; over a real one, this close would never arrive either
                LOG.info("not closing channel {} after a sync call timed out: a fault rule drops its frames", addr);
            } else if (config.closeChannelOnSyncTimeout()) {
                LOG.info("closing channel {} after a sync call timed out", addr);
                channels.close(addr, ch);
            }
            throw e;
        }
    }

    /**
     * Sends {@code request} and returns the future of its response, completed on this client's
     * callback threads (never the event loop) — exceptionally with a {@link RemotingException}.
     */
    public CompletableFuture<RemotingCommand> invokeAsync(String addr, RemotingCommand request, long timeoutMillis) {
        CompletableFuture<RemotingCommand> result = new CompletableFuture<>();
        if (!asyncPermits.tryAcquire()) {
            complete(result, null, new RemotingSendRequestException(
                    "too many async requests in flight (" + config.asyncPermits() + "), not sending to " + addr));
            return result;
        }
        long start = time.nanoTime();
        channels.channelFor(addr).whenComplete((ch, connectError) -> {
            if (connectError != null) {
                finishAsync(result, null, connectError);
                return;
            }
            long remaining = remainingMillis(start, timeoutMillis);
            if (remaining <= 0) {
                finishAsync(result, null, RemotingTimeoutException.waitingOn(addr, timeoutMillis));
                return;
            }
            inFlight.send(ch, addr, request, remaining)
                    .whenComplete((response, error) -> finishAsync(result, response, error));
        });
        return result;
    }

    /** Sends {@code request} as oneway; returns once it is handed to the connection. */
    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        if (!onewayPermits.tryAcquire()) {
            throw new RemotingSendRequestException(
                    "too many oneway requests in flight (" + config.onewayPermits() + "), not sending to " + addr);
        }
        Channel ch;
        try {
            ch = awaitChannel(addr);
        } catch (RemotingException | InterruptedException | RuntimeException e) {
            onewayPermits.release();
            throw e;
        }
        inFlight.sendOneway(ch, addr, request).whenComplete((v, error) -> {
            onewayPermits.release();
            if (error != null) {
                LOG.debug("oneway request code={} to {} not sent: {}", request.code(), addr, error.toString());
            }
        });
    }

    /** Closes the connection to {@code addr}; the next call opens a new one. */
    public void closeChannel(String addr) {
        channels.close(addr);
    }

    /** Addresses this client has a connection (or a connect under way) to. */
    public List<String> connectedAddresses() {
        return channels.addresses();
    }

    private Channel awaitChannel(String addr) throws RemotingException, InterruptedException {
        try {
            return channels.channelFor(addr).get();
        } catch (ExecutionException e) {
            throw Responses.unwrap(e.getCause());
        }
    }

    private long remainingMillis(long startNanos, long timeoutMillis) {
        return timeoutMillis - TimeUnit.NANOSECONDS.toMillis(time.nanoTime() - startNanos);
    }

    private void finishAsync(CompletableFuture<RemotingCommand> result, RemotingCommand response, Throwable error) {
        asyncPermits.release();
        complete(result, response, error);
    }

    private void complete(CompletableFuture<RemotingCommand> result, RemotingCommand response, Throwable error) {
        Runnable completion = error == null
                ? () -> result.complete(response)
                : () -> result.completeExceptionally(Responses.unwrap(error));
        try {
            callbacks.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }

    /** Closes every connection, fails every call still waiting, and stops the client's threads. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        channels.closeAll();
        inFlight.failAll(addr -> new RemotingChannelClosedException(
                "client " + config.name() + " closed while waiting for the response from " + addr));
        loop.shutdownGracefully(QUIET_PERIOD_MILLIS, 2000, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(3, TimeUnit.SECONDS);
        Executors2.shutdownAndAwait(callbacks, Duration.ofSeconds(3));
        LOG.debug("{} closed", config.name());
    }
}
