package org.relaymq.runtime.remoting;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.relaymq.protocol.wire.FrameCodec;
import org.relaymq.protocol.wire.RemotingCommand;

/** {@link RemotingCommand} → one whole frame. Stateless, shared by every channel of a server or client. */
@Sharable
final class CommandEncoder extends MessageToMessageEncoder<RemotingCommand> {

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand cmd, List<Object> out) {
        out.add(Unpooled.wrappedBuffer(FrameCodec.encode(cmd)));
    }
}
