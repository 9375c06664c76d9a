package org.relaymq.protocol.wire;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a JSON header straight from its UTF-8 bytes, without a character stream: the hot path of every
 * request and response. Strict JSON grammar (RFC 8259) with the leniency the header needs: unknown keys
 * of any type are skipped, keys come in any order, integer fields may be quoted, ext values may be strings,
 * numbers (kept as their literal text) or booleans, nulls are skipped. Everything else is a
 * {@link MalformedFrameException} naming the byte offset. One instance per parse.
 */
final class JsonHeaderReader {

    /** Nesting allowed inside skipped values; deeper input is refused rather than overflowing the stack. */
    private static final int MAX_DEPTH = 64;

    private final byte[] in;
    private int pos;

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version;
    private int opaque;
    private int flag;
    private String remark;
    private Map<String, String> extFields;

    private JsonHeaderReader(byte[] in) {
        this.in = in;
    }

    static RemotingCommand read(byte[] header, byte[] body) {
        JsonHeaderReader r = new JsonHeaderReader(header);
        r.readHeader();
        return RemotingCommand.ofOwned(r.code, r.language, r.version, r.opaque, r.flag, r.remark,
                r.extFields, body, SerializeType.JSON);
    }

    private void readHeader() {
        expect('{');
        if (!tryConsume('}')) {
            do {
                String name = readString();
                expect(':');
                readField(name);
            } while (tryConsume(','));
            expect('}');
        }
        skipWhitespace();
        if (pos != in.length) {
            throw error("content after the object");
        }
    }

    private void readField(String name) {
        if (tryNull()) {
            return;
        }
        switch (name) {
            case "code" -> code = readInt(name);
            case "language" -> language = LanguageCode.fromName(readString());
            case "version" -> version = readInt(name);
            case "opaque" -> opaque = readInt(name);
            case "flag" -> flag = readInt(name);
            case "remark" -> remark = readString();
            case "extFields" -> extFields = readExt();
            default -> skipValue(0);
        }
    }

    private Map<String, String> readExt() {
        Map<String, String> ext = new LinkedHashMap<>();
        expect('{');
        if (tryConsume('}')) {
            return ext;
        }
        do {
            String key = readString();
            expect(':');
            String value = readScalar(key);
            if (value != null) {
                ext.put(key, value);
            }
        } while (tryConsume(','));
        expect('}');
        return ext;
    }

    /** A string, a number's literal text, "true"/"false", or null for JSON null. */
    private String readScalar(String key) {
        skipWhitespace();
        byte b = peek();
        if (b == '"') {
            return readString();
        }
        if (b == '-' || (b >= '0' && b <= '9')) {
            return readNumberText();
        }
        if (tryWord("true")) {
            return "true";
        }
        if (tryWord("false")) {
            return "false";
        }
        if (tryWord("null")) {
            return null;
        }
        throw error("extFields value of '" + key + "' is not a scalar");
    }

    private int readInt(String name) {
        skipWhitespace();
        String text = peek() == '"' ? readString().trim() : readNumberText();
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            try {
                double d = Double.parseDouble(text);
                if (d == (int) d) {
                    return (int) d;
                }
            } catch (NumberFormatException ignored) {
                // reported below
            }
            throw error("'" + name + "' is not an int: " + text);
        }
    }

    private String readNumberText() {
        skipWhitespace();
        int start = pos;
        tryConsumeRaw('-');
        if (!tryConsumeRaw('0')) {
            digits(1);
        }
        if (tryConsumeRaw('.')) {
            digits(1);
        }
        if (pos < in.length && (in[pos] == 'e' || in[pos] == 'E')) {
            pos++;
            if (!tryConsumeRaw('+')) {
                tryConsumeRaw('-');
            }
            digits(1);
        }
        return new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
    }

    private void digits(int atLeast) {
        int start = pos;
        while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
            pos++;
        }
        if (pos - start < atLeast) {
            throw error("digit expected");
        }
    }

    /** A quoted string; plain ASCII and plain UTF-8 runs are decoded without a builder. */
    private String readString() {
        expect('"');
        int start = pos;
        boolean ascii = true;
        while (pos < in.length) {
            byte b = in[pos];
            if (b == '"') {
                String s = new String(in, start, pos - start,
                        ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
                pos++;
                return s;
            }
            if (b == '\\') {
                return readEscapedString(start);
            }
            if (b < 0) {
                ascii = false;
            }
            pos++;
        }
        throw error("unterminated string");
    }

    private String readEscapedString(int start) {
        StringBuilder out = new StringBuilder(pos - start + 16);
        out.append(new String(in, start, pos - start, StandardCharsets.UTF_8));
        int run = pos;
        while (pos < in.length) {
            byte b = in[pos];
            if (b == '"' || b == '\\') {
                out.append(new String(in, run, pos - run, StandardCharsets.UTF_8));
                pos++;
                if (b == '"') {
                    return out.toString();
                }
                out.append(readEscape());
                run = pos;
            } else {
                pos++;
            }
        }
        throw error("unterminated string");
    }

    private char readEscape() {
        if (pos >= in.length) {
            throw error("unterminated escape");
        }
        byte e = in[pos++];
        return switch (e) {
            case '"' -> '"';
            case '\\' -> '\\';
            case '/' -> '/';
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> readHex4();
            default -> throw error("bad escape \\" + (char) (e & 0xFF));
        };
    }

    private char readHex4() {
        if (pos + 4 > in.length) {
            throw error("short \\u escape");
        }
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(in[pos++], 16);
            if (d < 0) {
                throw error("bad \\u escape");
            }
            v = (v << 4) | d;
        }
        return (char) v;
    }

    private void skipValue(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
        byte b = peek();
        switch (b) {
            case '"' -> readString();
            case '{' -> {
                pos++;
                if (!tryConsume('}')) {
                    do {
                        readString();
                        expect(':');
                        skipValue(depth + 1);
                    } while (tryConsume(','));
                    expect('}');
                }
            }
            case '[' -> {
                pos++;
                if (!tryConsume(']')) {
                    do {
                        skipValue(depth + 1);
                    } while (tryConsume(','));
                    expect(']');
                }
            }
            default -> {
                if (b == '-' || (b >= '0' && b <= '9')) {
                    readNumberText();
                } else if (!tryWord("true") && !tryWord("false") && !tryWord("null")) {
                    throw error("value expected");
                }
            }
        }
    }

    private boolean tryNull() {
        skipWhitespace();
        return tryWord("null");
    }

    private boolean tryWord(String word) {
        int n = word.length();
        if (pos + n > in.length) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (in[pos + i] != word.charAt(i)) {
                return false;
            }
        }
        pos += n;
        return true;
    }

    private void expect(char c) {
        skipWhitespace();
        if (pos >= in.length || in[pos] != c) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    private boolean tryConsume(char c) {
        skipWhitespace();
        return tryConsumeRaw(c);
    }

    private boolean tryConsumeRaw(char c) {
        if (pos < in.length && in[pos] == c) {
            pos++;
            return true;
        }
        return false;
    }

    private byte peek() {
        if (pos >= in.length) {
            throw error("unexpected end");
        }
        return in[pos];
    }

    private void skipWhitespace() {
        while (pos < in.length) {
            byte b = in[pos];
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return;
            }
            pos++;
        }
    }

    private MalformedFrameException error(String what) {
        return new MalformedFrameException("unparseable JSON header: " + what + " at byte " + pos);
    }
}
