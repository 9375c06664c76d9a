package org.relaymq.runtime.remoting;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** The pipeline of an accepted connection; the only place that knows its order. */
final class ServerChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** A flush is passed on at least every this many flushes, even while more keep coming. */
    static final int FLUSH_AFTER = 64;

    private final RemotingServerConfig config;
    private final CommandDispatcher dispatcher;
    private final Consumer<SocketChannel> onAccepted;
    private final CommandEncoder encoder = new CommandEncoder();
    private final WriteBackPressureHandler backPressure = new WriteBackPressureHandler();

    ServerChannelInitializer(RemotingServerConfig config, CommandDispatcher dispatcher,
                             Consumer<SocketChannel> onAccepted) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.onAccepted = onAccepted;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        onAccepted.accept(ch);
        ch.pipeline()
                // many requests or responses written close together leave in one write call
                .addLast("flushConsolidation", new FlushConsolidationHandler(FLUSH_AFTER, true))
                .addLast("resetOnDeath", ResetOnDeathHandler.INSTANCE)
                .addLast("frameDecoder", new LengthFieldBasedFrameDecoder(config.maxFrameLength(), 0, 4, 0, 4))
                .addLast("commandDecoder", new CommandDecoder())
                .addLast("commandEncoder", encoder)
                .addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast("backPressure", backPressure)
                .addLast("dispatcher", dispatcher);
    }
}
