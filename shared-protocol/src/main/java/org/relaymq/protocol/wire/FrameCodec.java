package org.relaymq.protocol.wire;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Frame layout (protocol.md §1.1), all big-endian: {@code frameLength:int32} (bytes that follow it),
 * {@code headerTag:int32} (serialize type in the high byte, header length in the low three bytes),
 * the header, then the body up to the end of the frame. Stateless; safe from any thread.
 */
public final class FrameCodec {

    /** Max frame length, counting the 4-byte length field itself (as Netty's LengthFieldBasedFrameDecoder does). */
    public static final int DEFAULT_MAX_FRAME_LENGTH = 16 * 1024 * 1024;
    /** Size of the leading frame-length field. */
    public static final int LENGTH_FIELD_LENGTH = 4;
    /** Size of the header tag that starts every frame (after the length field). */
    public static final int HEADER_TAG_LENGTH = 4;
    /** Largest header the 3-byte length in the header tag can describe. */
    public static final int MAX_HEADER_LENGTH = 0xFFFFFF;

    private FrameCodec() {
    }

    /** Whole frame including the 4-byte length prefix. Header in cmd.serializeType(). */
    public static byte[] encode(RemotingCommand cmd) {
        byte[] header = encodeHeader(cmd);
        byte[] body = cmd.body();
        long frameLength = (long) HEADER_TAG_LENGTH + header.length + body.length;
        if (frameLength > Integer.MAX_VALUE - LENGTH_FIELD_LENGTH) {
            throw new IllegalArgumentException("frame too large: " + frameLength + " bytes");
        }
        ByteBuffer out = ByteBuffer.allocate(LENGTH_FIELD_LENGTH + (int) frameLength);
        out.putInt((int) frameLength);
        out.putInt(headerTag(cmd.serializeType(), header.length));
        out.put(header);
        out.put(body);
        return out.array();
    }

    /** Header bytes only, in cmd.serializeType() (JSON or ROCKETMQ compact). */
    public static byte[] encodeHeader(RemotingCommand cmd) {
        byte[] header = switch (cmd.serializeType()) {
            case JSON -> JsonHeaderCodec.encode(cmd);
            case ROCKETMQ -> CompactHeaderCodec.encode(cmd);
        };
        if (header.length > MAX_HEADER_LENGTH) {
            throw new IllegalArgumentException("header too large for the header tag: " + header.length + " bytes");
        }
        return header;
    }

    /** headerTag = (type << 24) | (headerLength & 0xFFFFFF) */
    public static int headerTag(SerializeType type, int headerLength) {
        return ((type.code() & 0xFF) << 24) | (headerLength & MAX_HEADER_LENGTH);
    }

    /**
     * frame = everything AFTER the 4-byte length field: header tag, header, body. Reads the buffer's
     * remaining bytes without moving its position. Throws MalformedFrameException for: fewer than 4 bytes,
     * header length beyond the frame, unknown serialize type, unparseable header. The returned command's
     * serializeType is the one the frame used. Does not keep a reference to the buffer.
     */
    public static RemotingCommand decode(ByteBuffer frame) {
        ByteBuffer in = frame.duplicate().order(ByteOrder.BIG_ENDIAN);
        int frameLength = in.remaining();
        if (frameLength < HEADER_TAG_LENGTH) {
            throw new MalformedFrameException("frame of " + frameLength + " bytes has no header tag");
        }
        int tag = in.getInt();
        byte typeCode = (byte) (tag >>> 24);
        int headerLength = tag & MAX_HEADER_LENGTH;
        SerializeType type = SerializeType.fromCode(typeCode);
        if (type == null) {
            throw new MalformedFrameException("unknown serialize type " + (typeCode & 0xFF));
        }
        if (headerLength > in.remaining()) {
            throw new MalformedFrameException("header length " + headerLength + " exceeds the "
                    + in.remaining() + " bytes left in the frame");
        }
        byte[] header = new byte[headerLength];
        in.get(header);
        byte[] body = new byte[in.remaining()];
        in.get(body);
        return switch (type) {
            case JSON -> JsonHeaderCodec.decode(header, body);
            case ROCKETMQ -> CompactHeaderCodec.decode(header, body);
        };
    }

    /** Convenience for tests and tools: decodes a whole frame including its length prefix, checking it. */
    public static RemotingCommand decodeWithLength(ByteBuffer whole) {
        ByteBuffer in = whole.duplicate().order(ByteOrder.BIG_ENDIAN);
        if (in.remaining() < LENGTH_FIELD_LENGTH) {
            throw new MalformedFrameException("frame of " + in.remaining() + " bytes has no length field");
        }
        int frameLength = in.getInt();
        if (frameLength != in.remaining()) {
            throw new MalformedFrameException("frame length field says " + frameLength + " but "
                    + in.remaining() + " bytes follow");
        }
        return decode(in);
    }
}
