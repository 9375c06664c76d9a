package org.relaymq.runtime.broker.ha;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.codec.CorruptedFrameException;
import java.util.List;

/** Slave side: splits the master's byte stream into {@link TransferFrame}s. A bad size closes the link. */
final class TransferFrameDecoder extends ByteToMessageDecoder {

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (in.readableBytes() < HaWire.HEADER_LENGTH) {
            return;
        }
        int base = in.readerIndex();
        long start = in.getLong(base);
        int size = in.getInt(base + 8);
        if (size < 0 || size > HaWire.MAX_FRAME_BODY || start < 0) {
            in.skipBytes(in.readableBytes());
            throw new CorruptedFrameException("bad HA frame header: start " + start + ", size " + size);
        }
        if (in.readableBytes() < HaWire.HEADER_LENGTH + size) {
            return;
        }
        in.skipBytes(HaWire.HEADER_LENGTH);
        byte[] data = new byte[size];
        in.readBytes(data);
        out.add(new TransferFrame(start, data));
    }
}
