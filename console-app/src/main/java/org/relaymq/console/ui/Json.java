package org.relaymq.console.ui;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Tolerant reads of event and snapshot fields: a missing field is null / the fallback, never an exception. */
public final class Json {

    private Json() {
    }

    public static String text(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        return e == null || e.isJsonNull() ? null : e.isJsonPrimitive() ? e.getAsString() : e.toString();
    }

    public static long number(JsonObject o, String field, long fallback) {
        JsonElement e = o == null ? null : o.get(field);
        try {
            return e == null || e.isJsonNull() ? fallback : e.getAsLong();
        } catch (RuntimeException ex) {
            return fallback;
        }
    }

    /** The first of {@code fields} present, as text. */
    public static String firstText(JsonObject o, String... fields) {
        for (String f : fields) {
            String v = text(o, f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
