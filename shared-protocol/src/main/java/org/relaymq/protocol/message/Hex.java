package org.relaymq.protocol.message;

/** Uppercase hex (written as ASCII bytes), as message ids use it. Parsing accepts both cases. */
final class Hex {

    private static final byte[] DIGITS = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Hex() {
    }

    /** Writes the two hex digits of {@code b} at {@code pos}; returns the next position. */
    static int putByte(byte[] out, int pos, int b) {
        out[pos] = DIGITS[(b >>> 4) & 0xF];
        out[pos + 1] = DIGITS[b & 0xF];
        return pos + 2;
    }

    static int putBytes(byte[] out, int pos, byte[] bytes) {
        int p = pos;
        for (byte b : bytes) {
            p = putByte(out, p, b);
        }
        return p;
    }

    static int putInt(byte[] out, int pos, int value) {
        int p = pos;
        for (int shift = 24; shift >= 0; shift -= 8) {
            p = putByte(out, p, value >>> shift);
        }
        return p;
    }

    static int putLong(byte[] out, int pos, long value) {
        int p = putInt(out, pos, (int) (value >>> 32));
        return putInt(out, p, (int) value);
    }

    static int putShort(byte[] out, int pos, int value) {
        int p = putByte(out, pos, value >>> 8);
        return putByte(out, p, value);
    }

    /** Decodes an even-length hex string; a non-hex character is a {@link MalformedMessageException}. */
    static byte[] decode(String hex, String what) {
        if (hex.length() % 2 != 0) {
            throw new MalformedMessageException(what + " has an odd number of hex digits: " + hex);
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new MalformedMessageException(what + " is not hex: " + hex);
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }
}
