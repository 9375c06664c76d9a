package org.relaymq.protocol.event;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** A small fluent builder for the {@code data} object of a {@link NodeEvent}. Null values are left out. */
public final class EventData {

    private final JsonObject object = new JsonObject();

    private EventData() {
    }

    public static EventData create() {
        return new EventData();
    }

    public EventData put(String key, String value) {
        if (value != null) {
            object.addProperty(key, value);
        }
        return this;
    }

    public EventData put(String key, Number value) {
        if (value != null) {
            object.addProperty(key, value);
        }
        return this;
    }

    public EventData put(String key, boolean value) {
        object.addProperty(key, value);
        return this;
    }

    public EventData put(String key, JsonElement value) {
        if (value != null) {
            object.add(key, value);
        }
        return this;
    }

    public JsonObject build() {
        return object.deepCopy();
    }
}
