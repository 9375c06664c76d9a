package org.relaymq.runtime.remoting;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import java.io.IOException;
import org.relaymq.protocol.wire.MalformedFrameException;
import org.relaymq.protocol.wire.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last inbound handler: responses go to the in-flight table, requests to the handler table;
 * idle, broken and malformed connections are closed here, each with one log line.
 */
@Sharable
final class CommandDispatcher extends SimpleChannelInboundHandler<RemotingCommand> {

    private static final Logger LOG = LoggerFactory.getLogger(CommandDispatcher.class);

    private final HandlerTable handlers;
    private final InFlightRequests inFlight;
    private final ChannelEventListener events;

    CommandDispatcher(HandlerTable handlers, InFlightRequests inFlight, ChannelEventListener events) {
        this.handlers = handlers;
        this.inFlight = inFlight;
        this.events = events;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        events.onConnected(RemoteChannel.of(ctx.channel()));
        ctx.fireChannelActive();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        inFlight.failChannel(ctx.channel(), addr -> new RemotingChannelClosedException(
                "channel " + addr + " closed while waiting for the response"));
        events.onClosed(RemoteChannel.of(ctx.channel()));
        ctx.fireChannelInactive();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, RemotingCommand cmd) {
        RemoteChannel channel = RemoteChannel.of(ctx.channel());
        if (cmd.isResponse()) {
            inFlight.onResponse(cmd, channel.remoteAddress());
        } else {
            handlers.dispatch(channel, cmd);
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            RemoteChannel channel = RemoteChannel.of(ctx.channel());
            LOG.info("closing idle connection {} ({})", channel.remoteAddress(), channel.id());
            events.onIdle(channel);
            ctx.close();
        } else {
            ctx.fireUserEventTriggered(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        RemoteChannel channel = RemoteChannel.of(ctx.channel());
        if (!ctx.channel().isOpen()) {
            return;
        }
        if (cause instanceof MalformedFrameException) {
            LOG.warn("closing connection {} ({}): malformed input: {}", channel.remoteAddress(), channel.id(),
                    cause.getMessage());
        } else if (cause instanceof IOException) {
            LOG.info("closing connection {} ({}): {}", channel.remoteAddress(), channel.id(), cause.toString());
        } else {
            LOG.warn("closing connection {} ({}) after an unexpected error", channel.remoteAddress(),
                    channel.id(), cause);
        }
        events.onException(channel, cause);
        ctx.close();
    }
}
