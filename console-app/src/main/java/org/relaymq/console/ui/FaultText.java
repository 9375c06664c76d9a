package org.relaymq.console.ui;

import com.google.gson.JsonObject;
import java.util.stream.Collectors;
import org.relaymq.console.service.FaultReport;
import org.relaymq.console.service.FaultStatus;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;

/** Fault rules as the room reads them: "partitioned (drop *)", "delayed 1000 ms", "—" for none. */
public final class FaultText {

    public static final String NONE = "—";
    public static final String UNKNOWN = "unknown";

    private FaultText() {
    }

    public static String of(FaultRules rules) {
        return rules.isEmpty() ? NONE : rules.rules().stream().map(FaultText::of).collect(Collectors.joining("; "));
    }

    static String of(FaultRule r) {
        boolean all = FaultRule.ANY_PEER.equals(r.peer());
        return r.action() == FaultRule.Action.DROP
                ? (all ? "partitioned" : "partitioned from " + r.peer()) + " (" + r.describe() + ")"
                : "delayed " + r.delayMillis() + " ms" + (all ? "" : " to " + r.peer());
    }

    /**
     * A node's fault state for the process table: the rules the node said it applies with their frame
     * counts, "unknown" while it has not said; then a request still waiting for its answer, and why the
     * last one failed: "unknown · asked: partitioned (drop *)…", "— · SET_FAULTS refused: bad rules".
     */
    public static String of(FaultStatus s) {
        StringBuilder sb = new StringBuilder(s.known() ? of(s.report()) : UNKNOWN);
        if (s.pending() != null) {
            sb.append(" · asked: ").append(s.pending().isEmpty() ? "heal" : of(s.pending())).append('…');
        }
        if (s.error() != null) {
            sb.append(" · ").append(s.error());
        }
        return sb.toString();
    }

    static String of(FaultReport r) {
        String text = of(r.rules());
        if (r.droppedFrames() > 0) {
            text += ", " + r.droppedFrames() + " frames dropped";
        }
        if (r.delayedFrames() > 0) {
            text += ", " + r.delayedFrames() + " frames delayed";
        }
        return text;
    }

    /** A FAULTS event's data {@code rules, previous, summary}: "partitioned (drop *) (was —)". */
    public static String event(JsonObject data) {
        try {
            String now = of(FaultRules.fromJson(data));
            String was = data.has("previous") ? previous(data) : null;
            return "faults: " + now + (was != null ? " (was " + was + ")" : "");
        } catch (IllegalArgumentException | IllegalStateException e) {
            String summary = Json.text(data, "summary");
            return summary != null ? "faults: " + summary : "faults: unreadable rules (" + e.getMessage() + ")";
        }
    }

    /** {@code previous} as an object {@code {"rules":[...]}} or as the bare array. */
    private static String previous(JsonObject data) {
        JsonObject wrapped = new JsonObject();
        if (data.get("previous").isJsonArray()) {
            wrapped.add("rules", data.get("previous"));
            return of(FaultRules.fromJson(wrapped));
        }
        return of(FaultRules.fromJson(data.get("previous")));
    }
}
