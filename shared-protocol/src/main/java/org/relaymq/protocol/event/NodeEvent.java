package org.relaymq.protocol.event;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * One node event: {@code {"seq":n,"ts":epochMillis,"node":"<role>@host:port","kind":"...","data":{...}}}.
 * {@code seq} grows by one per event of a node; {@code ts} is the node's wall clock. The data object is
 * copied in and out, so an event never changes after it is made.
 */
public record NodeEvent(long seq, long ts, String node, String kind, JsonObject data) {

    public NodeEvent {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(kind, "kind");
        data = data == null ? new JsonObject() : data.deepCopy();
    }

    /** A copy of the data object. */
    @Override
    public JsonObject data() {
        return data.deepCopy();
    }

    /** The node name convention: {@code role@host:port}, e.g. {@code namesrv@127.0.0.1:9876}. */
    public static String nodeName(String role, String hostPort) {
        return role + "@" + hostPort;
    }

    public boolean hasKind(String k) {
        return kind.equals(k);
    }

    /** A string field of data, or null. */
    public String text(String field) {
        var e = data.get(field);
        return e == null || e.isJsonNull() ? null : e.getAsString();
    }

    /** A numeric field of data, or {@code fallback}. */
    public long number(String field, long fallback) {
        var e = data.get(field);
        return e == null || e.isJsonNull() ? fallback : e.getAsLong();
    }

    /** A boolean field of data, or false. */
    public boolean flag(String field) {
        var e = data.get(field);
        return e != null && !e.isJsonNull() && e.getAsBoolean();
    }

    @Override
    public String toString() {
        return NodeEventCodec.encode(this);
    }
}
