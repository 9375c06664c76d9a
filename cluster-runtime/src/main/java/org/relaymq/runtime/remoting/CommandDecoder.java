package org.relaymq.runtime.remoting;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.MessageToMessageDecoder;
import java.util.List;
import org.relaymq.protocol.wire.FrameCodec;
import org.relaymq.protocol.wire.MalformedFrameException;

/**
 * Frame (after the length field) → {@link org.relaymq.protocol.wire.RemotingCommand}. One per
 * channel. Bad input of any kind — a frame the codec rejects, or a frame-decoder failure such as a
 * too-long or negative length — becomes a single {@link MalformedFrameException} passed on to the
 * dispatcher, which closes the connection; whatever arrives after it is dropped.
 */
final class CommandDecoder extends MessageToMessageDecoder<ByteBuf> {

    private boolean rejected;

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) {
        if (rejected) {
            return;
        }
        try {
            out.add(FrameCodec.decode(frame.nioBuffer()));
        } catch (MalformedFrameException e) {
            reject(ctx, e);
        } catch (RuntimeException e) {
            reject(ctx, new MalformedFrameException("undecodable frame: " + e, e));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
            String text = reason.getMessage() != null ? reason.getMessage() : reason.toString();
            reject(ctx, new MalformedFrameException(text, cause));
        } else {
            ctx.fireExceptionCaught(cause);
        }
    }

    private void reject(ChannelHandlerContext ctx, MalformedFrameException e) {
        if (!rejected) {
            rejected = true;
            ctx.fireExceptionCaught(e);
        }
    }
}
