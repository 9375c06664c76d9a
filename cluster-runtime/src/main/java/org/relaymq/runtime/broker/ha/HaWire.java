package org.relaymq.runtime.broker.ha;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;

/**
 * Byte layout of the HA channel (protocol.md §9.2): the slave sends 8-byte big-endian offsets, the master
 * sends frames {@code [int64 startPhyOffset][int32 size][size bytes]}; size 0 is a heartbeat.
 */
final class HaWire {

    /** Length of a slave's offset report. */
    static final int REPORT_LENGTH = 8;
    /** Length of a transfer frame header. */
    static final int HEADER_LENGTH = 12;
    /** Largest frame body the slave accepts (Apache sends at most 32 KiB; leave room for other masters). */
    static final int MAX_FRAME_BODY = 16 * 1024 * 1024;

    private HaWire() {
    }

    static ByteBuf report(ByteBufAllocator alloc, long offset) {
        return alloc.buffer(REPORT_LENGTH).writeLong(offset);
    }

    /** A data frame; copies {@code data} (the caller's thread pays for reading mapped memory). */
    static ByteBuf frame(ByteBufAllocator alloc, long startOffset, ByteBuffer data) {
        ByteBuf buf = alloc.buffer(HEADER_LENGTH + data.remaining());
        buf.writeLong(startOffset).writeInt(data.remaining()).writeBytes(data.duplicate());
        return buf;
    }

    static ByteBuf heartbeat(ByteBufAllocator alloc, long nextOffset) {
        return alloc.buffer(HEADER_LENGTH).writeLong(nextOffset).writeInt(0);
    }
}
