package org.relaymq.runtime.broker.ha;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;

/** Slave pipeline tail: hands decoded frames to the client and reports connect / close. */
final class MasterLinkHandler extends ChannelInboundHandlerAdapter {

    /** What the link tells the client. */
    interface Callbacks {
        void connected(MasterLink link);

        void frame(MasterLink link, TransferFrame frame);

        void closed(MasterLink link);
    }

    private final MasterLink link;
    private final Callbacks callbacks;

    MasterLinkHandler(MasterLink link, Callbacks callbacks) {
        this.link = link;
        this.callbacks = callbacks;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        link.attach(ctx.channel());
        link.activated();
        callbacks.connected(link);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof TransferFrame frame) {
            callbacks.frame(link, frame);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        callbacks.closed(link);
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        link.close("connection error: " + cause.getMessage());
    }
}
