package org.relaymq.runtime.remoting;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import java.util.List;
import org.relaymq.protocol.wire.FrameCodec;
import org.relaymq.protocol.wire.RemotingCommand;

/**
 * {@link RemotingCommand} → one whole frame, written straight into a pooled buffer: length, header tag and
 * header, then the body — copied in when small, otherwise passed on as a second buffer wrapping the body
 * array (no copy; the socket writes both in one gathering write). Stateless, shared by every channel.
 */
@Sharable
final class CommandEncoder extends MessageToMessageEncoder<RemotingCommand> {

    /** Bodies up to this size are copied next to the header; larger ones are wrapped. */
    static final int COPY_BODY_UP_TO = 4096;

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand cmd, List<Object> out) {
        byte[] header = FrameCodec.encodeHeader(cmd);
        byte[] body = cmd.body();
        long frameLength = (long) FrameCodec.HEADER_TAG_LENGTH + header.length + body.length;
        if (frameLength > Integer.MAX_VALUE - FrameCodec.LENGTH_FIELD_LENGTH) {
            throw new IllegalArgumentException("frame too large: " + frameLength + " bytes");
        }
        boolean copyBody = body.length <= COPY_BODY_UP_TO;
        ByteBuf head = ctx.alloc().ioBuffer(FrameCodec.LENGTH_FIELD_LENGTH + FrameCodec.HEADER_TAG_LENGTH
                + header.length + (copyBody ? body.length : 0));
        head.writeInt((int) frameLength);
        head.writeInt(FrameCodec.headerTag(cmd.serializeType(), header.length));
        head.writeBytes(header);
        if (copyBody) {
            head.writeBytes(body);
            out.add(head);
        } else {
            out.add(head);
            out.add(Unpooled.wrappedBuffer(body));
        }
    }
}
