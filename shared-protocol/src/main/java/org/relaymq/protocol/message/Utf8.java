package org.relaymq.protocol.message;

import java.nio.ByteBuffer;

/**
 * UTF-8 length and encoding straight into a buffer, without the intermediate array of
 * {@code String.getBytes}. Unpaired surrogates become '?', exactly as {@code getBytes(UTF_8)} does.
 */
final class Utf8 {

    private Utf8() {
    }

    static int length(CharSequence s) {
        int len = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                len += 1;
            } else if (c < 0x800) {
                len += 2;
            } else if (isPairAt(s, i)) {
                len += 4;
                i++;
            } else {
                len += Character.isSurrogate(c) ? 1 : 3;
            }
        }
        return len;
    }

    static void put(ByteBuffer target, CharSequence s) {
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                target.put((byte) c);
            } else if (c < 0x800) {
                target.put((byte) (0xC0 | (c >> 6)));
                target.put((byte) (0x80 | (c & 0x3F)));
            } else if (isPairAt(s, i)) {
                putCodePoint(target, Character.toCodePoint(c, s.charAt(i + 1)));
                i++;
            } else if (Character.isSurrogate(c)) {
                target.put((byte) '?');
            } else {
                target.put((byte) (0xE0 | (c >> 12)));
                target.put((byte) (0x80 | ((c >> 6) & 0x3F)));
                target.put((byte) (0x80 | (c & 0x3F)));
            }
        }
    }

    private static boolean isPairAt(CharSequence s, int i) {
        return Character.isHighSurrogate(s.charAt(i)) && i + 1 < s.length()
                && Character.isLowSurrogate(s.charAt(i + 1));
    }

    private static void putCodePoint(ByteBuffer target, int cp) {
        target.put((byte) (0xF0 | (cp >> 18)));
        target.put((byte) (0x80 | ((cp >> 12) & 0x3F)));
        target.put((byte) (0x80 | ((cp >> 6) & 0x3F)));
        target.put((byte) (0x80 | (cp & 0x3F)));
    }
}
