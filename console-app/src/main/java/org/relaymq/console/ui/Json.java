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

    /** A decimal field (a rate), or {@code fallback} when absent or not a number. */
    public static double decimal(JsonObject o, String field, double fallback) {
        JsonElement e = o == null ? null : o.get(field);
        try {
            return e == null || e.isJsonNull() ? fallback : e.getAsDouble();
        } catch (RuntimeException ex) {
            return fallback;
        }
    }

    /** A queue object {@code {topic, broker, queueId}} as "broker:queueId", or null. */
    public static String queue(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        if (e == null || !e.isJsonObject()) {
            return e == null || e.isJsonNull() ? null : e.getAsString();
        }
        JsonObject q = e.getAsJsonObject();
        return text(q, "broker") + ":" + number(q, "queueId", -1);
    }

    /** A JSON array of strings (or queue objects) joined by ", "; empty when absent. */
    public static String list(JsonObject o, String field) {
        JsonElement e = o == null ? null : o.get(field);
        if (e == null || !e.isJsonArray()) {
            return "";
        }
        java.util.List<String> out = new java.util.ArrayList<>();
        for (JsonElement item : e.getAsJsonArray()) {
            if (item.isJsonObject() && item.getAsJsonObject().has("queueId")) {
                JsonObject q = item.getAsJsonObject();
                out.add(text(q, "broker") + ":" + number(q, "queueId", -1));
            } else if (!item.isJsonNull()) {
                out.add(item.isJsonPrimitive() ? item.getAsString() : item.toString());
            }
        }
        return String.join(", ", out);
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
