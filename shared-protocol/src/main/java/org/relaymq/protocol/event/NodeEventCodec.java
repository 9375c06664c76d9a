package org.relaymq.protocol.event;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;

/**
 * JSON form of {@link NodeEvent}: fields in the order {@code seq, ts, node, kind, data}; UTF-8 bytes
 * in EVENT (7001) bodies. Stateless.
 */
public final class NodeEventCodec {

    private NodeEventCodec() {
    }

    public static JsonObject toJsonObject(NodeEvent e) {
        JsonObject o = new JsonObject();
        o.addProperty("seq", e.seq());
        o.addProperty("ts", e.ts());
        o.addProperty("node", e.node());
        o.addProperty("kind", e.kind());
        o.add("data", e.data());
        return o;
    }

    public static String encode(NodeEvent e) {
        return toJsonObject(e).toString();
    }

    public static byte[] encodeBytes(NodeEvent e) {
        return encode(e).getBytes(StandardCharsets.UTF_8);
    }

    /** A JSON array of events, for batching several events in one body. */
    public static String encodeList(List<NodeEvent> events) {
        JsonArray a = new JsonArray();
        events.forEach(e -> a.add(toJsonObject(e)));
        return a.toString();
    }

    public static NodeEvent decode(String json) {
        try {
            return fromJsonObject(JsonParser.parseString(json));
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, "malformed node event: " + e.getMessage(), e);
        }
    }

    public static NodeEvent decodeBytes(byte[] body) {
        return decode(new String(body, StandardCharsets.UTF_8));
    }

    public static List<NodeEvent> decodeList(String json) {
        try {
            List<NodeEvent> out = new ArrayList<>();
            for (JsonElement e : JsonParser.parseString(json).getAsJsonArray()) {
                out.add(fromJsonObject(e));
            }
            return out;
        } catch (JsonParseException | IllegalStateException | UnsupportedOperationException e) {
            throw new ProtocolException(ResponseCode.SYSTEM_ERROR, "malformed node event list: " + e.getMessage(), e);
        }
    }

    private static NodeEvent fromJsonObject(JsonElement element) {
        JsonObject o = element.getAsJsonObject();
        JsonElement data = o.get("data");
        return new NodeEvent(required(o, "seq").getAsLong(), required(o, "ts").getAsLong(),
                required(o, "node").getAsString(), required(o, "kind").getAsString(),
                data == null || data.isJsonNull() ? new JsonObject() : data.getAsJsonObject());
    }

    private static JsonElement required(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            throw ProtocolException.badRequest("node event without " + field);
        }
        return e;
    }
}
