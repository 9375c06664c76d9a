package org.relaymq.protocol.wire;

import java.util.Arrays;

/** A growable UTF-8 byte buffer for writing header text without a detour through chars. */
final class Utf8Sink {

    private byte[] buf;
    private int len;

    Utf8Sink(int capacity) {
        buf = new byte[capacity];
    }

    Utf8Sink ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    /** Chars {@code [from, to)} of {@code s}, all ASCII. */
    Utf8Sink ascii(String s, int from, int to) {
        ensure(to - from);
        for (int i = from; i < to; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
        return this;
    }

    Utf8Sink ascii(char c) {
        ensure(1);
        buf[len++] = (byte) c;
        return this;
    }

    Utf8Sink number(long v) {
        if (v == Long.MIN_VALUE) {
            return ascii(Long.toString(v));
        }
        ensure(20);
        if (v < 0) {
            buf[len++] = '-';
            v = -v;
        }
        int digits = 1;
        for (long t = v; t >= 10; t /= 10) {
            digits++;
        }
        for (int i = len + digits - 1; i >= len; i--) {
            buf[i] = (byte) ('0' + (v % 10));
            v /= 10;
        }
        len += digits;
        return this;
    }

    /** One UTF-16 char as UTF-8; a surrogate pair is passed as {@code c} (high) and {@code next} (low). */
    Utf8Sink utf8(char c) {
        ensure(3);
        if (c < 0x80) {
            buf[len++] = (byte) c;
        } else if (c < 0x800) {
            buf[len++] = (byte) (0xC0 | (c >> 6));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        } else {
            buf[len++] = (byte) (0xE0 | (c >> 12));
            buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
            buf[len++] = (byte) (0x80 | (c & 0x3F));
        }
        return this;
    }

    /** A supplementary code point as four UTF-8 bytes. */
    Utf8Sink codePoint(int cp) {
        ensure(4);
        buf[len++] = (byte) (0xF0 | (cp >> 18));
        buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
        buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
        buf[len++] = (byte) (0x80 | (cp & 0x3F));
        return this;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, len);
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + more));
        }
    }
}
