package org.relaymq.runtime.broker.ha;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.util.List;

/**
 * Master side: turns the slave's byte stream into offset reports. Of the complete 8-byte values available
 * in one read only the last is passed on (Apache's master also looks only at the last one); a partial
 * value waits for its remaining bytes.
 */
final class OffsetReportDecoder extends ByteToMessageDecoder {

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        int complete = in.readableBytes() / HaWire.REPORT_LENGTH;
        if (complete == 0) {
            return;
        }
        in.skipBytes((complete - 1) * HaWire.REPORT_LENGTH);
        out.add(in.readLong());
    }
}
