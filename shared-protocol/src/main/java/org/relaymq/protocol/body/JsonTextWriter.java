package org.relaymq.protocol.body;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.relaymq.protocol.wire.JsonStrings;

/**
 * Writes a Gson tree as compact JSON with object keys sorted (numerically when both keys are integers).
 * A key starting with {@link #RAW_KEY} is written verbatim without quotes: that is how the fastjson-style
 * unquoted numeric keys and inline MessageQueue keys reach the output.
 */
final class JsonTextWriter {

    /**
     * Prefix marking a map key to be written raw. Random per JVM, so no key that arrives from outside
     * (a KV config key, a topic name) can pass for a raw key and inject text into the output.
     */
    static final String RAW_KEY = "\u0001" + UUID.randomUUID() + "\u0001";

    private static final Comparator<String> KEY_ORDER = JsonTextWriter::compareKeys;

    private JsonTextWriter() {
    }

    static String write(JsonElement element) {
        StringBuilder out = new StringBuilder(256);
        append(out, element);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonElement element) {
        if (element == null || element.isJsonNull()) {
            out.append("null");
        } else if (element.isJsonPrimitive()) {
            appendPrimitive(out, element.getAsJsonPrimitive());
        } else if (element.isJsonArray()) {
            appendArray(out, element.getAsJsonArray());
        } else {
            appendObject(out, element.getAsJsonObject());
        }
    }

    private static void appendPrimitive(StringBuilder out, JsonPrimitive primitive) {
        if (primitive.isString()) {
            JsonStrings.append(out, primitive.getAsString());
        } else if (primitive.isBoolean()) {
            out.append(primitive.getAsBoolean());
        } else {
            out.append(primitive.getAsNumber());
        }
    }

    private static void appendArray(StringBuilder out, JsonArray array) {
        out.append('[');
        for (int i = 0; i < array.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            append(out, array.get(i));
        }
        out.append(']');
    }

    private static void appendObject(StringBuilder out, JsonObject object) {
        List<Map.Entry<String, JsonElement>> entries = new ArrayList<>(object.entrySet());
        entries.sort(Map.Entry.comparingByKey(KEY_ORDER));
        out.append('{');
        boolean first = true;
        for (Map.Entry<String, JsonElement> entry : entries) {
            if (!first) {
                out.append(',');
            }
            first = false;
            String key = entry.getKey();
            if (isRaw(key)) {
                out.append(key, RAW_KEY.length(), key.length());
            } else {
                JsonStrings.append(out, key);
            }
            out.append(':');
            append(out, entry.getValue());
        }
        out.append('}');
    }

    private static boolean isRaw(String key) {
        return key.startsWith(RAW_KEY);
    }

    private static String strip(String key) {
        return isRaw(key) ? key.substring(RAW_KEY.length()) : key;
    }

    private static int compareKeys(String a, String b) {
        String x = strip(a);
        String y = strip(b);
        if (isInteger(x) && isInteger(y)) {
            try {
                return Long.compare(Long.parseLong(x), Long.parseLong(y));
            } catch (NumberFormatException tooLong) {
                return x.compareTo(y);
            }
        }
        return x.compareTo(y);
    }

    private static boolean isInteger(String s) {
        if (s.isEmpty() || s.length() > 19) {
            return false;
        }
        int start = s.charAt(0) == '-' && s.length() > 1 ? 1 : 0;
        for (int i = start; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
