package org.relaymq.protocol.message;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Absolute big-endian reads inside {@code [pos, end)} of a buffer, leaving the buffer's position alone.
 * Every read checks the bound first, so garbage becomes a {@link MalformedMessageException} rather
 * than an IndexOutOfBounds, and no array is ever sized beyond the bytes actually present.
 */
final class BoundedReader {

    private final ByteBuffer buf;
    private final String whatPrefix;
    private final int whatAt;
    private int pos;
    private final int end;

    /** Errors name the data as {@code whatPrefix + whatAt} (built only when there is an error). */
    BoundedReader(ByteBuffer buf, int start, int end, String whatPrefix, int whatAt) {
        this.buf = buf;
        this.pos = start;
        this.end = end;
        this.whatPrefix = whatPrefix;
        this.whatAt = whatAt;
    }

    /** What is being read, for error messages. */
    String what() {
        return whatPrefix + whatAt;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return end - pos;
    }

    private int advance(int n, String field) {
        if (n < 0 || end - pos < n) {
            throw new MalformedMessageException(what() + ": " + field + " (" + n + " bytes at " + pos
                    + ") runs past the end at " + end);
        }
        int at = pos;
        pos += n;
        return at;
    }

    byte readByte(String field) {
        return buf.get(advance(1, field));
    }

    short readShort(String field) {
        return buf.getShort(advance(2, field));
    }

    int readInt(String field) {
        return buf.getInt(advance(4, field));
    }

    long readLong(String field) {
        return buf.getLong(advance(8, field));
    }

    void skip(int n, String field) {
        advance(n, field);
    }

    byte[] readBytes(int n, String field) {
        int at = advance(n, field);
        byte[] out = new byte[n];
        if (buf.hasArray()) {
            System.arraycopy(buf.array(), buf.arrayOffset() + at, out, 0, n);
        } else {
            buf.get(at, out);
        }
        return out;
    }

    String readUtf8(int n, String field) {
        int at = advance(n, field);
        if (buf.hasArray()) {
            return new String(buf.array(), buf.arrayOffset() + at, n, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[n];
        buf.get(at, out);
        return new String(out, StandardCharsets.UTF_8);
    }

    /** A host as 4 (or 16 when {@code v6}) address bytes plus an int32 port ({@code portField}). */
    InetSocketAddress readHost(boolean v6, String field, String portField) {
        byte[] addr = readBytes(v6 ? 16 : 4, field);
        int port = readInt(portField);
        if (port < 0 || port > 0xFFFF) {
            throw new MalformedMessageException(what() + ": " + portField + " out of range: " + port);
        }
        try {
            InetAddress ip = v6 ? Inet6Address.getByAddress(null, addr, -1) : InetAddress.getByAddress(addr);
            return new InetSocketAddress(ip, port);
        } catch (UnknownHostException e) {
            throw new MalformedMessageException(what() + ": " + field + " is not an address");
        }
    }
}
