package org.relaymq.runtime.remoting;

import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops reading from a peer while its outbound buffer is over the high water mark (it does not
 * read our answers, so we stop taking its requests), and resumes once it drains below the low mark.
 */
@Sharable
final class WriteBackPressureHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(WriteBackPressureHandler.class);

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        Channel ch = ctx.channel();
        boolean writable = ch.isWritable();
        ch.config().setAutoRead(writable);
        LOG.debug("{} {} reading from {}", writable ? "resumed" : "paused", ch.id().asShortText(),
                RemoteChannel.format(ch.remoteAddress()));
        ctx.fireChannelWritabilityChanged();
    }
}
