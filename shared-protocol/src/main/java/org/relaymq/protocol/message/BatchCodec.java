package org.relaymq.protocol.message;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The SEND_BATCH_MESSAGE body (protocol.md §5.5): per message {@code TOTALSIZE, MAGICCODE (0),
 * BODYCRC (0), FLAG, int32 bodyLen, body, int16 propsLen, properties}, back to back.
 */
public final class BatchCodec {

    /** TOTALSIZE of an entry with an empty body and no properties. */
    public static final int ENTRY_OVERHEAD = 22;

    private BatchCodec() {
    }

    /** One message of a batch; the body array is not copied. */
    public record Entry(int flag, byte[] body, String properties) {

        public Entry {
            body = body == null ? new byte[0] : body;
            properties = properties == null ? "" : properties;
        }

        public int encodedSize() {
            return ENTRY_OVERHEAD + body.length + Utf8.length(properties);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Entry e && flag == e.flag && Arrays.equals(body, e.body)
                    && properties.equals(e.properties);
        }

        @Override
        public int hashCode() {
            return Objects.hash(flag, properties) * 31 + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Entry[flag=" + flag + ", bodyLength=" + body.length + ", properties="
                    + properties.replace('\u0001', '=').replace('\u0002', ';') + "]";
        }
    }

    public static int encodedSize(List<Entry> entries) {
        long size = 0;
        for (Entry e : entries) {
            size += checkedEntrySize(e);
        }
        if (size > Integer.MAX_VALUE) {
            throw new MalformedMessageException("batch of " + size + " bytes exceeds an int32 body");
        }
        return (int) size;
    }

    public static byte[] encode(List<Entry> entries) {
        byte[] out = new byte[encodedSize(entries)];
        encode(entries, ByteBuffer.wrap(out));
        return out;
    }

    /** Writes the batch at the target's position (big-endian) and advances it. */
    public static void encode(List<Entry> entries, ByteBuffer target) {
        requireBigEndian(target);
        int size = encodedSize(entries);
        if (target.remaining() < size) {
            throw new IllegalArgumentException("batch needs " + size + " bytes, target has " + target.remaining());
        }
        for (Entry e : entries) {
            int propsLen = Utf8.length(e.properties());
            target.putInt(ENTRY_OVERHEAD + e.body().length + propsLen).putInt(0).putInt(0).putInt(e.flag())
                    .putInt(e.body().length).put(e.body()).putShort((short) propsLen);
            Utf8.put(target, e.properties());
        }
    }

    public static List<Entry> decode(byte[] body) {
        return decode(ByteBuffer.wrap(body));
    }

    /**
     * Decodes every entry from the position to the limit (the position is not moved).
     *
     * @throws MalformedMessageException when an entry's TOTALSIZE or lengths do not fit the bytes
     */
    public static List<Entry> decode(ByteBuffer buf) {
        requireBigEndian(buf);
        List<Entry> out = new ArrayList<>();
        int pos = buf.position();
        int limit = buf.limit();
        while (pos < limit) {
            BoundedReader head = new BoundedReader(buf, pos, limit, "batch entry at ", pos);
            int totalSize = head.readInt("TOTALSIZE");
            if (totalSize < ENTRY_OVERHEAD || totalSize > limit - pos) {
                throw new MalformedMessageException("batch entry at " + pos + ": TOTALSIZE " + totalSize
                        + " outside [" + ENTRY_OVERHEAD + ", " + (limit - pos) + "]");
            }
            out.add(readEntry(new BoundedReader(buf, pos + 4, pos + totalSize, "batch entry at ", pos)));
            pos += totalSize;
        }
        return out;
    }

    /**
     * The properties the broker stores for one batch entry: the entry's own properties, a U+0002 when
     * both parts are non-empty and the entry's string does not end with one, then the batch-level
     * properties (the send header {@code i}, including the broker-added CLUSTER).
     */
    public static String mergeProperties(String entryProperties, String batchProperties) {
        String entry = entryProperties == null ? "" : entryProperties;
        String batch = batchProperties == null ? "" : batchProperties;
        if (entry.isEmpty() || batch.isEmpty()) {
            return entry + batch;
        }
        if (entry.charAt(entry.length() - 1) != MessageProperties.PROPERTY_SEPARATOR) {
            return entry + MessageProperties.PROPERTY_SEPARATOR + batch;
        }
        return entry + batch;
    }

    private static Entry readEntry(BoundedReader r) {
        r.skip(8, "MAGICCODE and BODYCRC");
        int flag = r.readInt("FLAG");
        int bodyLen = r.readInt("BODY length");
        byte[] body = r.readBytes(bodyLen, "BODY");
        int propsLen = r.readShort("PROPERTIES length");
        String properties = r.readUtf8(propsLen, "PROPERTIES");
        if (r.remaining() != 0) {
            throw new MalformedMessageException("batch entry: TOTALSIZE leaves " + r.remaining()
                    + " bytes after the properties");
        }
        return new Entry(flag, body, properties);
    }

    private static int checkedEntrySize(Entry e) {
        int propsLen = Utf8.length(e.properties());
        if (propsLen > Short.MAX_VALUE) {
            throw new MalformedMessageException("batch entry properties are " + propsLen + " bytes, at most "
                    + Short.MAX_VALUE);
        }
        long size = (long) ENTRY_OVERHEAD + e.body().length + propsLen;
        if (size > Integer.MAX_VALUE) {
            throw new MalformedMessageException("batch entry of " + size + " bytes exceeds an int32 TOTALSIZE");
        }
        return (int) size;
    }

    private static void requireBigEndian(ByteBuffer buf) {
        if (buf.order() != ByteOrder.BIG_ENDIAN) {
            throw new IllegalArgumentException("batch bodies are big-endian; buffer is " + buf.order());
        }
    }
}
