package org.relaymq.console.ui.routing;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.relaymq.console.ui.Json;

/**
 * One line of text per client event, from the fields the runtime's ClientEvents writes:
 * SEND_DECISION (attempt, candidates, skipped [{broker, reason}], chosen {broker, queueId}, how),
 * SEND_RESULT (attempt, queue, ok, latencyMs, status, error), NAMESRV_UNREACHABLE (namesrvs, error,
 * cachedTopics), REBALANCE (group, assigned, consumers).
 */
final class ClientEventText {

    private ClientEventText() {
    }

    /** e.g. "attempt 1 → broker-b:2 · skipped broker-a (isolated) · from 4 queue(s) on broker-b · round-robin". */
    static String decision(JsonObject d) {
        String chosen = Json.queue(d, "chosen");
        StringBuilder s = new StringBuilder("attempt ").append(Json.number(d, "attempt", 1))
                .append(chosen == null ? ": no queue chosen" : " → " + chosen);
        List<String> skipped = skipped(d);
        if (!skipped.isEmpty()) {
            s.append(" · skipped ").append(String.join(", ", skipped));
        }
        List<String> candidates = candidates(d);
        Set<String> brokers = new LinkedHashSet<>();
        candidates.forEach(c -> brokers.add(c.contains(":") ? c.substring(0, c.lastIndexOf(':')) : c));
        s.append(" · from ").append(candidates.size()).append(" queue(s)");
        if (!brokers.isEmpty()) {
            s.append(" on ").append(String.join(", ", brokers));
        }
        String how = Json.text(d, "how");
        if (how != null) {
            s.append(" · ").append(how);
        }
        return s.toString();
    }

    static List<String> candidates(JsonObject d) {
        List<String> out = new ArrayList<>();
        JsonElement c = d.get("candidates");
        if (c != null && c.isJsonArray()) {
            c.getAsJsonArray().forEach(e -> out.add(e.getAsString()));
        }
        return out;
    }

    /** "broker (reason)" per skipped broker. */
    static List<String> skipped(JsonObject d) {
        List<String> out = new ArrayList<>();
        JsonElement s = d.get("skipped");
        if (s != null && s.isJsonArray()) {
            for (JsonElement e : s.getAsJsonArray()) {
                JsonObject o = e.getAsJsonObject();
                out.add(Json.text(o, "broker") + " (" + Json.text(o, "reason") + ")");
            }
        }
        return out;
    }

    /** e.g. "attempt 1 → broker-b:2 OK in 3 ms (SEND_OK)" or "attempt 1 → broker-a:0 FAILED after 3000 ms: ...". */
    static String result(JsonObject d) {
        boolean ok = d.has("ok") && d.get("ok").getAsBoolean();
        String status = Json.text(d, "status");
        String error = Json.text(d, "error");
        return "attempt " + Json.number(d, "attempt", 1) + " → " + Json.queue(d, "queue")
                + (ok ? " OK in " : " FAILED after ") + Json.number(d, "latencyMs", -1) + " ms"
                + (status == null ? "" : " (" + status + ")") + (error == null ? "" : ": " + error);
    }

    static String unreachable(JsonObject d) {
        return "no NameServer answers (" + Json.list(d, "namesrvs") + "): " + Json.text(d, "error")
                + "; serving cached routes for [" + Json.list(d, "cachedTopics") + "]";
    }

    static String rebalance(JsonObject d) {
        JsonElement consumers = d.get("consumers");
        int count = consumers != null && consumers.isJsonArray() ? consumers.getAsJsonArray().size() : 0;
        return Json.text(d, "topic") + ": [" + Json.list(d, "assigned") + "] among "
                + count + " consumer(s)";
    }
}
