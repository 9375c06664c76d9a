package org.relaymq.protocol.wire;

/** JSON string literals exactly as fastjson 1.2.x writes them; shared by header and body writers. */
public final class JsonStrings {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    /** The escape of every char below U+00A0 (null: written as it is); above, only U+2028/9 are escaped. */
    private static final String[] ESCAPES = escapes();

    private JsonStrings() {
    }

    /** Appends {@code s} quoted: short escapes where JSON has them, else \\uXXXX for controls. */
    public static void append(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String escaped = isPlain(c) ? null : escape(c);
            if (escaped != null) {
                out.append(escaped);
            } else {
                out.append(c);
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
            String escaped = escape(c);
            if (escaped != null) {
                out.ascii(escaped);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.codePoint(Character.toCodePoint(c, s.charAt(++i)));
            } else if (Character.isSurrogate(c)) {
                out.ascii('?');
            } else {
                out.utf8(c);
            }
            run = i + 1;
        }
        out.ascii(s, run, n).ascii('"');
    }

    /** What fastjson writes for {@code c} when it escapes it, or null when {@code c} stands as it is. */
    private static String escape(char c) {
        if (c < ESCAPES.length) {
            return ESCAPES[c];
        }
        return c == '\u2028' || c == '\u2029' ? unicodeEscape(c) : null;
    }

    private static String[] escapes() {
        String[] table = new String[0xA0];
        for (char c = 0; c < table.length; c++) {
            table[c] = switch (c) {
                case '"' -> "\\\"";
                case '\\' -> "\\\\";
                case '\b' -> "\\b";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\f' -> "\\f";
                case '\r' -> "\\r";
                default -> needsUnicodeEscape(c) ? unicodeEscape(c) : null;
            };
        }
        return table;
    }

    private static String unicodeEscape(char c) {
        return new String(new char[] {'\\', 'u', HEX[c >> 12], HEX[(c >> 8) & 0xF], HEX[(c >> 4) & 0xF], HEX[c & 0xF]});
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
