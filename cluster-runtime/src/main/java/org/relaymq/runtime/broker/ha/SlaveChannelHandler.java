package org.relaymq.runtime.broker.ha;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Master pipeline tail for one slave connection: reports in, writability and close events out. */
final class SlaveChannelHandler extends ChannelInboundHandlerAdapter {

    /** Connection lifecycle as the server tracks it. */
    interface Registry {
        SlaveConnection opened(ChannelHandlerContext ctx);

        void closed(SlaveConnection connection);
    }

    private final Registry registry;
    private SlaveConnection connection;

    SlaveChannelHandler(Registry registry) {
        this.registry = registry;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        connection = registry.opened(ctx);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof Long offset && connection != null) {
            connection.onReport(offset);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable() && connection != null) {
            connection.requestPump();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (connection != null) {
            registry.closed(connection);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (connection != null) {
            connection.close("connection error: " + cause.getMessage());
        } else {
            ctx.close();
        }
    }
}
