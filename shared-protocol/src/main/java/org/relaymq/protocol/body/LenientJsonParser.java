package org.relaymq.protocol.body;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.math.BigDecimal;

/**
 * A small JSON parser for what fastjson writes but Gson cannot read: object keys that are themselves
 * objects or arrays ({@code {{"brokerName":"b","queueId":0,"topic":"T"}:{...}}}), besides quoted keys and
 * unquoted literal keys ({@code {0:"addr"}}). An object key becomes the compact JSON text of that object.
 * Whitespace and key order are irrelevant. Errors are {@link IllegalArgumentException}s with the position.
 */
final class LenientJsonParser {

    private static final int MAX_DEPTH = 256;

    private final String text;
    private int pos;
    private int depth;

    private LenientJsonParser(String text) {
        this.text = text;
    }

    static JsonElement parse(String text) {
        LenientJsonParser parser = new LenientJsonParser(text);
        JsonElement value = parser.value();
        parser.skipWhitespace();
        if (parser.pos != text.length()) {
            throw parser.error("trailing characters");
        }
        return value;
    }

    private JsonElement value() {
        skipWhitespace();
        char c = peek();
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> new JsonPrimitive(string());
            case 't' -> literal("true", new JsonPrimitive(true));
            case 'f' -> literal("false", new JsonPrimitive(false));
            case 'n' -> literal("null", JsonNull.INSTANCE);
            default -> number();
        };
    }

    private JsonObject object() {
        enter();
        JsonObject object = new JsonObject();
        pos++;
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            depth--;
            return object;
        }
        while (true) {
            String key = key();
            skipWhitespace();
            expect(':');
            object.add(key, value());
            skipWhitespace();
            char c = next();
            if (c == '}') {
                depth--;
                return object;
            }
            if (c != ',') {
                throw error("expected ',' or '}'");
            }
        }
    }

    private JsonArray array() {
        enter();
        JsonArray array = new JsonArray();
        pos++;
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            depth--;
            return array;
        }
        while (true) {
            array.add(value());
            skipWhitespace();
            char c = next();
            if (c == ']') {
                depth--;
                return array;
            }
            if (c != ',') {
                throw error("expected ',' or ']'");
            }
        }
    }

    private String key() {
        skipWhitespace();
        char c = peek();
        if (c == '"') {
            return string();
        }
        if (c == '{' || c == '[') {
            return JsonTextWriter.write(value());
        }
        int start = pos;
        while (pos < text.length() && isLiteralChar(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw error("expected a key");
        }
        return text.substring(start, pos);
    }

    private static boolean isLiteralChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '+' || c == '$';
    }

    private String string() {
        expect('"');
        StringBuilder out = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return out.toString();
            }
            out.append(c == '\\' ? escape() : c);
        }
    }

    private char escape() {
        char c = next();
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicodeEscape();
            default -> throw error("bad escape \\" + c);
        };
    }

    private char unicodeEscape() {
        if (pos + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        String hex = text.substring(pos, pos + 4);
        pos += 4;
        try {
            return (char) Integer.parseInt(hex, 16);
        } catch (NumberFormatException e) {
            throw error("bad \\u escape");
        }
    }

    private JsonPrimitive number() {
        int start = pos;
        while (pos < text.length() && "+-.eE0123456789".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        if (start == pos) {
            throw error("unexpected character '" + peek() + "'");
        }
        try {
            return new JsonPrimitive(new BigDecimal(text.substring(start, pos)));
        } catch (NumberFormatException e) {
            throw error("bad number");
        }
    }

    private JsonElement literal(String word, JsonElement value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected literal");
        }
        pos += word.length();
        return value;
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
    }

    private void skipWhitespace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expect(char c) {
        if (next() != c) {
            pos--;
            throw error("expected '" + c + "'");
        }
    }

    private char peek() {
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        return text.charAt(pos);
    }

    private char next() {
        char c = peek();
        pos++;
        return c;
    }

    private IllegalArgumentException error(String message) {
        return new IllegalArgumentException(message + " at position " + pos);
    }
}
