package org.relaymq.protocol.event;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The whole fault set of a node: the body of SET_FAULTS (7010), which replaces the node's rules (an
 * empty list heals), and the {@code rules} of what SET_FAULTS and GET_FAULTS (7011) answer:
 * <pre>{"rules":[{"peer":"127.0.0.1:9876","action":"DROP"},{"peer":"*","action":"DELAY","delayMillis":500}]}</pre>
 * A peer appears at most once.
 */
public record FaultRules(List<FaultRule> rules) {

    public static final FaultRules NONE = new FaultRules(List.of());

    public FaultRules {
        rules = List.copyOf(rules);
        Set<String> seen = new HashSet<>();
        for (FaultRule r : rules) {
            if (!seen.add(r.peer())) {
                throw new IllegalArgumentException("peer " + r.peer() + " has more than one fault rule");
            }
        }
    }

    public boolean isEmpty() {
        return rules.isEmpty();
    }

    public JsonObject toJson() {
        JsonArray array = new JsonArray();
        for (FaultRule r : rules) {
            JsonObject o = new JsonObject();
            o.addProperty("peer", r.peer());
            o.addProperty("action", r.action().name());
            if (r.action() == FaultRule.Action.DELAY) {
                o.addProperty("delayMillis", r.delayMillis());
            }
            array.add(o);
        }
        JsonObject out = new JsonObject();
        out.add("rules", array);
        return out;
    }

    public byte[] encode() {
        return toJson().toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a SET_FAULTS body; anything malformed is an IllegalArgumentException saying what. */
    public static FaultRules decode(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("SET_FAULTS needs a body {\"rules\":[...]} (an empty list heals)");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("fault rules are not JSON: " + firstLine(e));
        }
        return fromJson(root);
    }

    /** Gson's message without its cause's class name and its "See https://..." trailer. */
    private static String firstLine(JsonParseException e) {
        String m = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    public static FaultRules fromJson(JsonElement root) {
        if (root == null || !root.isJsonObject() || !root.getAsJsonObject().has("rules")
                || !root.getAsJsonObject().get("rules").isJsonArray()) {
            throw new IllegalArgumentException("fault rules must be {\"rules\":[...]}");
        }
        List<FaultRule> rules = new ArrayList<>();
        for (JsonElement e : root.getAsJsonObject().getAsJsonArray("rules")) {
            if (!e.isJsonObject()) {
                throw new IllegalArgumentException("a fault rule must be an object, got " + e);
            }
            JsonObject o = e.getAsJsonObject();
            rules.add(new FaultRule(text(o, "peer"), FaultRule.action(text(o, "action")), number(o, "delayMillis")));
        }
        return new FaultRules(rules);
    }

    private static String text(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return null;
        }
        if (!e.isJsonPrimitive()) {
            throw new IllegalArgumentException(key + " must be a string, got " + e);
        }
        return e.getAsString();
    }

    private static long number(JsonObject o, String key) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return 0;
        }
        try {
            return e.getAsJsonPrimitive().getAsLong();
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(key + " must be a whole number, got " + e);
        }
    }
}
