package org.relaymq.runtime.remoting;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** The pipeline of a client connection; the only place that knows its order. */
final class ClientChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** A flush is passed on at least every this many flushes, even while more keep coming. */
    static final int FLUSH_AFTER = 64;

    private final RemotingClientConfig config;
    private final CommandDispatcher dispatcher;
    private final CommandEncoder encoder = new CommandEncoder();
    private final WriteBackPressureHandler backPressure = new WriteBackPressureHandler();
    private final NetworkFaultTable faults;

    /** @param faults the node's fault rules, or null: no fault filter at all (the pipeline as it always was) */
    ClientChannelInitializer(RemotingClientConfig config, CommandDispatcher dispatcher, NetworkFaultTable faults) {
        this.config = config;
        this.dispatcher = dispatcher;
        this.faults = faults;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ch.pipeline()
                // many requests or responses written close together leave in one write call
                .addLast("flushConsolidation", new FlushConsolidationHandler(FLUSH_AFTER, true))
                .addLast("frameDecoder", new LengthFieldBasedFrameDecoder(config.maxFrameLength(), 0, 4, 0, 4))
                .addLast("commandDecoder", new CommandDecoder())
                .addLast("commandEncoder", encoder);
        if (faults != null) {
            // Before the idle handler, so a partition does not look idle sooner than a healthy link would: a
            // dropped write is reported written (as the kernel would on a real partition), so while this node
            // keeps writing (registration, heartbeats) the idle timer never fires; dropped reads are not seen.
            // If the node writes nothing for the idle timeout, the idle handler closes the connection as it
            // always does, and that close does reach the peer (the filter drops frames, not the TCP FIN): the
            // peer then sees a disconnect, where a real partition would have hidden it.
            ch.pipeline().addLast("faults", new FaultHandler(faults));
        }
        ch.pipeline()
                .addLast("idle", new IdleStateHandler(0, 0, config.idleTimeout().toMillis(), TimeUnit.MILLISECONDS))
                .addLast("backPressure", backPressure)
                .addLast("dispatcher", dispatcher);
    }
}
