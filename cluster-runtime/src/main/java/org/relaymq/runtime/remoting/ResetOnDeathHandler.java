package org.relaymq.runtime.remoting;

import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;

/**
 * Makes the death of this process visible to its clients at once. Accepted connections carry
 * {@code SO_LINGER 0} ({@link NettyRemotingServer} sets it), so when the process dies (kill -9, a crash)
 * the kernel resets them instead of ending them with an orderly FIN. A client waiting for a response then
 * fails that call immediately and retries elsewhere: the official 4.9 client fails its waiting calls on a
 * reset, but on an orderly end of stream lets them run into their whole send timeout.
 *
 * <p>A close this node asks for itself (idle, malformed input, shutdown) passes here on its way to the
 * socket and turns linger off again, so what was written before it still reaches the peer.
 */
@Sharable
final class ResetOnDeathHandler extends ChannelOutboundHandlerAdapter {

    static final ResetOnDeathHandler INSTANCE = new ResetOnDeathHandler();

    private ResetOnDeathHandler() {
    }

    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
        if (ctx.channel().isOpen()) {
            ctx.channel().config().setOption(ChannelOption.SO_LINGER, -1);
        }
        super.close(ctx, promise);
    }
}
