package org.relaymq.protocol.wire;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ROCKETMQ compact binary header (protocol.md §2.4), big-endian: code int16, language byte,
 * version int16, opaque int32, flag int32, remark (int32 length + UTF-8), extFields (int32 area length,
 * then entries of int16 key length + key, int32 value length + value). A zero length reads as null;
 * entries with a null key or value are dropped on read and skipped on write; keys are written sorted.
 */
public final class CompactHeaderCodec {

    private static final int FIXED_PART = 2 + 1 + 2 + 4 + 4;

    private CompactHeaderCodec() {
    }

    /**
     * The header bytes of {@code cmd}. An empty ext map and a null one encode alike (area length 0).
     *
     * @throws IllegalArgumentException if code or version does not fit an int16, or an ext key is longer
     *                                  than 32767 UTF-8 bytes
     */
    public static byte[] encode(RemotingCommand cmd) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(toInt16("code", cmd.code()));
            out.writeByte(cmd.language().code());
            out.writeShort(toInt16("version", cmd.version()));
            out.writeInt(cmd.opaque());
            out.writeInt(cmd.flag());
            writeInt32String(out, cmd.remark());
            byte[] ext = encodeExt(cmd.extFields());
            out.writeInt(ext.length);
            out.write(ext);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static short toInt16(String what, int value) {
        if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
            throw new IllegalArgumentException(what + " " + value + " does not fit the compact header's int16");
        }
        return (short) value;
    }

    private static byte[] encodeExt(Map<String, String> ext) throws IOException {
        if (ext == null || ext.isEmpty()) {
            return new byte[0];
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(ext.size() * 24);
        DataOutputStream out = new DataOutputStream(bytes);
        for (Map.Entry<String, String> e : sortedWithoutNulls(ext).entrySet()) {
            byte[] key = e.getKey().getBytes(StandardCharsets.UTF_8);
            if (key.length > Short.MAX_VALUE) {
                throw new IllegalArgumentException("ext key of " + key.length + " bytes is longer than 32767");
            }
            out.writeShort(key.length);
            out.write(key);
            writeInt32String(out, e.getValue());
        }
        out.flush();
        return bytes.toByteArray();
    }

    private static Map<String, String> sortedWithoutNulls(Map<String, String> ext) {
        Map<String, String> sorted = new TreeMap<>();
        ext.forEach((k, v) -> {
            if (k != null && v != null) {
                sorted.put(k, v);
            }
        });
        return sorted;
    }

    private static void writeInt32String(DataOutputStream out, String s) throws IOException {
        if (s == null) {
            out.writeInt(0);
            return;
        }
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(utf8.length);
        out.write(utf8);
    }

    /**
     * Parses a compact header; the command gets {@code body} and serialize type ROCKETMQ. An ext area of
     * length 0 reads as null ext fields; a non-empty area whose entries all drop out reads as an empty map.
     * Bytes after the ext area are an error.
     */
    public static RemotingCommand decode(byte[] header, byte[] body) {
        ByteBuffer in = ByteBuffer.wrap(header);
        try {
            if (header.length < FIXED_PART) {
                throw new MalformedFrameException("compact header of " + header.length + " bytes is truncated");
            }
            int code = in.getShort();
            LanguageCode language = LanguageCode.fromCode(in.get());
            int version = in.getShort();
            int opaque = in.getInt();
            int flag = in.getInt();
            String remark = readString(in, in.getInt(), "remark");
            Map<String, String> ext = readExt(in);
            if (in.hasRemaining()) {
                throw new MalformedFrameException("compact header has " + in.remaining() + " trailing bytes");
            }
            return RemotingCommand.ofOwned(code, language, version, opaque, flag, remark, ext, body,
                    SerializeType.ROCKETMQ);
        } catch (BufferUnderflowException e) {
            throw new MalformedFrameException("compact header is truncated", e);
        }
    }

    private static Map<String, String> readExt(ByteBuffer in) {
        int areaLength = in.getInt();
        checkLength(in, areaLength, "extFields area");
        if (areaLength == 0) {
            return null;
        }
        ByteBuffer area = in.slice();
        area.limit(areaLength);
        in.position(in.position() + areaLength);
        Map<String, String> ext = new LinkedHashMap<>();
        while (area.hasRemaining()) {
            String key = readString(area, area.getShort(), "ext key");
            String value = readString(area, area.getInt(), "ext value");
            if (key != null && value != null) {
                ext.put(key, value);
            }
        }
        return ext;
    }

    /** Reads {@code length} UTF-8 bytes, checking the length against what is left before allocating. */
    private static String readString(ByteBuffer in, int length, String what) {
        checkLength(in, length, what);
        if (length == 0) {
            return null;
        }
        byte[] bytes = new byte[length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static void checkLength(ByteBuffer in, int length, String what) {
        if (length < 0 || length > in.remaining()) {
            throw new MalformedFrameException(what + " length " + length + " exceeds the "
                    + in.remaining() + " bytes left in the compact header");
        }
    }
}
