package org.relaymq.protocol.wire;

/** JSON string literals exactly as fastjson 1.2.x writes them; shared by header and body writers. */
public final class JsonStrings {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private JsonStrings() {
    }

    /** Appends {@code s} quoted: short escapes where JSON has them, else \\uXXXX for controls. */
    public static void append(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (needsUnicodeEscape(c)) {
                        out.append("\\u").append(HEX[c >> 12]).append(HEX[(c >> 8) & 0xF])
                                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /**
     * The same literal as {@link #append(StringBuilder, String)}, UTF-8 encoded into {@code out}. A lone
     * surrogate becomes '?', as Java's UTF-8 encoder writes it.
     */
    static void append(Utf8Sink out, String s) {
        out.ascii('"');
        int n = s.length();
        int run = 0; // start of the pending run of plain characters
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isPlain(c)) {
                continue;
            }
            out.ascii(s, run, i);
            switch (c) {
                case '"' -> out.ascii("\\\"");
                case '\\' -> out.ascii("\\\\");
                case '\b' -> out.ascii("\\b");
                case '\t' -> out.ascii("\\t");
                case '\n' -> out.ascii("\\n");
                case '\f' -> out.ascii("\\f");
                case '\r' -> out.ascii("\\r");
                default -> {
                    if (needsUnicodeEscape(c)) {
                        out.ascii("\\u").ascii(HEX[c >> 12]).ascii(HEX[(c >> 8) & 0xF]).ascii(HEX[(c >> 4) & 0xF])
                                .ascii(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                        out.codePoint(Character.toCodePoint(c, s.charAt(++i)));
                    } else if (Character.isSurrogate(c)) {
                        out.ascii('?');
                    } else {
                        out.utf8(c);
                    }
                }
            }
            run = i + 1;
        }
        out.ascii(s, run, n).ascii('"');
    }

    /** Printable ASCII other than quote and backslash: written as it is. */
    private static boolean isPlain(char c) {
        return c >= 0x20 && c < 0x7F && c != '"' && c != '\\';
    }

    /** fastjson writes C0 and C1 controls, DEL and the two Unicode line separators as \\uXXXX. */
    private static boolean needsUnicodeEscape(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == '\u2028' || c == '\u2029';
    }
}
