package org.relaymq.protocol.message;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Encodes and decodes stored message records (protocol.md §5.1). Stateless. Buffers must be big-endian
 * (the {@code ByteBuffer} default). Writes v1 records for topics up to 127 UTF-8 bytes, v2 beyond.
 */
public final class StoredMessageCodec {

    public static final int MAGIC_CODE_V1 = 0xDAA320A7;
    public static final int MAGIC_CODE_V2 = 0xDAA320AB;
    /** Commit-log end-of-file marker: {@code int32 remainingBytes, int32 BLANK_MAGIC_CODE}. */
    public static final int BLANK_MAGIC_CODE = 0xCBD43194;
    public static final int BLANK_MARKER_LENGTH = 8;
    public static final int MAX_V1_TOPIC_LENGTH = 127;
    public static final int MAX_TOPIC_LENGTH = Short.MAX_VALUE;
    public static final int MAX_PROPERTIES_LENGTH = Short.MAX_VALUE;

    public static final int MAGIC_CODE_POSITION = 4;
    public static final int BODY_CRC_POSITION = 8;
    public static final int QUEUE_ID_POSITION = 12;
    public static final int FLAG_POSITION = 16;
    public static final int QUEUE_OFFSET_POSITION = 20;
    public static final int PHYSICAL_OFFSET_POSITION = 28;
    public static final int SYSFLAG_POSITION = 36;
    public static final int BORN_TIMESTAMP_POSITION = 40;
    public static final int BORN_HOST_POSITION = 48;

    /** Size of a v1 record with IPv4 hosts and empty body, topic and properties. */
    public static final int MIN_RECORD_SIZE = 91;

    private StoredMessageCodec() {
    }

    /** CRC32 of the body masked with 0x7FFFFFFF, as the broker stores it. */
    public static int bodyCrc(byte[] body) {
        return bodyCrc(body, 0, body.length);
    }

    public static int bodyCrc(byte[] body, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(body, offset, length);
        return (int) crc.getValue() & 0x7FFFFFFF;
    }

    /** The magic code written for a topic of {@code topicBytes} UTF-8 bytes. */
    public static int magicFor(int topicBytes) {
        return topicBytes <= MAX_V1_TOPIC_LENGTH ? MAGIC_CODE_V1 : MAGIC_CODE_V2;
    }

    public static int encodedSize(StoredMessage m) {
        return checkedSize(m, Utf8.length(m.topic()), Utf8.length(m.properties()));
    }

    public static byte[] encode(StoredMessage m) {
        byte[] out = new byte[encodedSize(m)];
        encode(m, ByteBuffer.wrap(out));
        return out;
    }

    /**
     * Writes the record at the target's position and advances it. Nothing is written when the record
     * does not fit ({@link IllegalArgumentException}) or a length exceeds its field
     * ({@link MalformedMessageException}).
     */
    public static void encode(StoredMessage m, ByteBuffer target) {
        requireBigEndian(target);
        int topicLen = Utf8.length(m.topic());
        int propsLen = Utf8.length(m.properties());
        int size = checkedSize(m, topicLen, propsLen);
        if (target.remaining() < size) {
            throw new IllegalArgumentException("record needs " + size + " bytes, target has " + target.remaining());
        }
        target.putInt(size).putInt(magicFor(topicLen)).putInt(m.bodyCrc()).putInt(m.queueId()).putInt(m.flag())
                .putLong(m.queueOffset()).putLong(m.physicalOffset()).putInt(m.sysFlag())
                .putLong(m.bornTimestamp());
        putHost(target, m.bornHost());
        target.putLong(m.storeTimestamp());
        putHost(target, m.storeHost());
        target.putInt(m.reconsumeTimes()).putLong(m.preparedTransactionOffset())
                .putInt(m.body().length).put(m.body());
        if (topicLen <= MAX_V1_TOPIC_LENGTH) {
            target.put((byte) topicLen);
        } else {
            target.putShort((short) topicLen);
        }
        Utf8.put(target, m.topic());
        target.putShort((short) propsLen);
        Utf8.put(target, m.properties());
    }

    /** Writes the end-of-file marker: {@code remainingBytes} (the rest of the file) and the blank magic. */
    public static void encodeBlank(ByteBuffer target, int remainingBytes) {
        requireBigEndian(target);
        target.putInt(remainingBytes).putInt(BLANK_MAGIC_CODE);
    }

    /** True when the bytes at the position are an end-of-file marker. Does not move the position. */
    public static boolean isBlank(ByteBuffer buf) {
        return buf.remaining() >= BLANK_MARKER_LENGTH
                && buf.getInt(buf.position() + MAGIC_CODE_POSITION) == BLANK_MAGIC_CODE;
    }

    /** The TOTALSIZE at the position (unchecked), or -1 when fewer than 4 bytes remain. */
    public static int peekTotalSize(ByteBuffer buf) {
        return buf.remaining() >= 4 ? buf.getInt(buf.position()) : -1;
    }

    /** Decodes the record at the position, with its body, and advances past it. */
    public static StoredMessage decode(ByteBuffer buf) {
        return decode(buf, true);
    }

    /**
     * Decodes the record at the position and advances past it; with {@code readBody} false the body is
     * skipped (the result has an empty body; the record size is the position difference). On failure the
     * position is unchanged.
     *
     * @throws MalformedMessageException truncated record, unknown magic (incl. the blank marker),
     *                                   a length running past TOTALSIZE or TOTALSIZE not matching the fields
     */
    public static StoredMessage decode(ByteBuffer buf, boolean readBody) {
        requireBigEndian(buf);
        int start = buf.position();
        int totalSize = checkedTotalSize(buf);
        BoundedReader r = new BoundedReader(buf, start + 4, start + totalSize, "message record at ", start);
        StoredMessage m = readFields(r, readBody);
        if (r.remaining() != 0) {
            throw new MalformedMessageException("message record at " + start + ": TOTALSIZE " + totalSize
                    + " but the fields end after " + (r.position() - start) + " bytes");
        }
        buf.position(start + totalSize);
        return m;
    }

    /**
     * Decodes records from the position until the buffer ends or a record cannot be decoded (as clients
     * do with a pull body); the position is left after the last good record.
     */
    public static List<StoredMessage> decodeAll(ByteBuffer buf) {
        return decodeAll(buf, true);
    }

    public static List<StoredMessage> decodeAll(ByteBuffer buf, boolean readBody) {
        List<StoredMessage> out = new ArrayList<>();
        while (buf.hasRemaining()) {
            try {
                out.add(decode(buf, readBody));
            } catch (MalformedMessageException e) {
                break;
            }
        }
        return out;
    }

    private static int checkedTotalSize(ByteBuffer buf) {
        int start = buf.position();
        if (buf.remaining() < 8) {
            throw new MalformedMessageException("message record at " + start + ": only " + buf.remaining()
                    + " bytes left");
        }
        int totalSize = buf.getInt(start);
        int magic = buf.getInt(start + MAGIC_CODE_POSITION);
        if (magic == BLANK_MAGIC_CODE) {
            throw new MalformedMessageException("message record at " + start + ": end-of-file marker");
        }
        if (magic != MAGIC_CODE_V1 && magic != MAGIC_CODE_V2) {
            throw new MalformedMessageException("message record at " + start + ": unknown magic code 0x"
                    + Integer.toHexString(magic).toUpperCase());
        }
        if (totalSize < MIN_RECORD_SIZE || totalSize > buf.remaining()) {
            throw new MalformedMessageException("message record at " + start + ": TOTALSIZE " + totalSize
                    + " outside [" + MIN_RECORD_SIZE + ", " + buf.remaining() + "]");
        }
        return totalSize;
    }

    private static StoredMessage readFields(BoundedReader r, boolean readBody) {
        int magic = r.readInt("MAGICCODE");
        StoredMessageBuilder b = StoredMessage.builder().bodyCrc(r.readInt("BODYCRC")).queueId(r.readInt("QUEUEID"))
                .flag(r.readInt("FLAG")).queueOffset(r.readLong("QUEUEOFFSET"))
                .physicalOffset(r.readLong("PHYSICALOFFSET"));
        int sysFlag = r.readInt("SYSFLAG");
        b.sysFlag(sysFlag).bornTimestamp(r.readLong("BORNTIMESTAMP"))
                .bornHost(r.readHost(SysFlag.isBornHostV6(sysFlag), "BORNHOST", "BORNHOST port"))
                .storeTimestamp(r.readLong("STORETIMESTAMP"))
                .storeHost(r.readHost(SysFlag.isStoreHostV6(sysFlag), "STOREHOSTADDRESS", "STOREHOSTADDRESS port"))
                .reconsumeTimes(r.readInt("RECONSUMETIMES"))
                .preparedTransactionOffset(r.readLong("PREPARED TRANSACTION OFFSET"));
        int bodyLen = r.readInt("BODY length");
        if (readBody) {
            b.body(r.readBytes(bodyLen, "BODY"));
        } else {
            r.skip(bodyLen, "BODY");
        }
        int topicLen = magic == MAGIC_CODE_V1 ? r.readByte("TOPIC length") : r.readShort("TOPIC length");
        b.topic(r.readUtf8(topicLen, "TOPIC"));
        int propsLen = r.readShort("PROPERTIES length");
        return b.properties(r.readUtf8(propsLen, "PROPERTIES")).build();
    }

    private static int checkedSize(StoredMessage m, int topicLen, int propsLen) {
        if (topicLen > MAX_TOPIC_LENGTH) {
            throw new MalformedMessageException("topic is " + topicLen + " bytes, at most " + MAX_TOPIC_LENGTH);
        }
        if (propsLen > MAX_PROPERTIES_LENGTH) {
            throw new MalformedMessageException("properties are " + propsLen + " bytes, at most "
                    + MAX_PROPERTIES_LENGTH);
        }
        long size = MIN_RECORD_SIZE + (topicLen > MAX_V1_TOPIC_LENGTH ? 1L : 0L)
                + hostExtra(m.bornHost()) + hostExtra(m.storeHost())
                + (long) m.body().length + topicLen + propsLen;
        if (size > Integer.MAX_VALUE) {
            throw new MalformedMessageException("record of " + size + " bytes exceeds an int32 TOTALSIZE");
        }
        return (int) size;
    }

    private static int hostExtra(InetSocketAddress host) {
        return StoredMessage.isV6(host) ? 12 : 0;
    }

    private static void putHost(ByteBuffer target, InetSocketAddress host) {
        target.put(host.getAddress().getAddress()).putInt(host.getPort());
    }

    private static void requireBigEndian(ByteBuffer buf) {
        if (buf.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("message records are big-endian; buffer is " + buf.order());
        }
    }
}
