package org.relaymq.console.service;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.relaymq.protocol.event.FaultRules;

/**
 * What a node answered to SET_FAULTS (7010) or GET_FAULTS (7011): the rules it applies now and how
 * many frames they have dropped and delayed so far. A counter the node did not report is -1.
 */
public record FaultReport(FaultRules rules, long droppedFrames, long delayedFrames) {

    public static final long NOT_REPORTED = -1;

    public FaultReport {
        Objects.requireNonNull(rules, "rules");
    }

    /** The node said so, without counters (a FAULTS event, or an answer without them). */
    public static FaultReport of(FaultRules rules) {
        return new FaultReport(rules, NOT_REPORTED, NOT_REPORTED);
    }

    /**
     * Reads an answer body {@code {"rules":[...],"droppedFrames":n,"delayedFrames":n, ...}}; fields it
     * does not know are ignored. Anything malformed is an IllegalArgumentException saying what.
     */
    public static FaultReport parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("the fault answer has no body");
        }
        JsonElement root;
        try {
            root = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the fault answer is not JSON: " + e.getMessage());
        }
        FaultRules rules = FaultRules.fromJson(root);
        JsonObject o = root.getAsJsonObject();
        return new FaultReport(rules, counter(o, "droppedFrames"), counter(o, "delayedFrames"));
    }

    private static long counter(JsonObject o, String field) {
        JsonElement e = o.get(field);
        if (e == null || e.isJsonNull()) {
            return NOT_REPORTED;
        }
        try {
            return e.getAsJsonPrimitive().getAsLong();
        } catch (RuntimeException ex) {
            throw new IllegalArgumentException(field + " must be a whole number, got " + e);
        }
    }
}
