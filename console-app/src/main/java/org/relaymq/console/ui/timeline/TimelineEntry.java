package org.relaymq.console.ui.timeline;

import com.google.gson.JsonObject;
import org.relaymq.console.ui.FaultText;
import org.relaymq.console.ui.Json;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;

/**
 * One event on the timeline.
 *
 * @param receivedAt console monotonic millis when it arrived (the time axis)
 * @param ts         the node's wall clock when it happened
 */
public record TimelineEntry(long receivedAt, long ts, String node, String kind, long seq, String summary,
                            JsonObject data) {

    public static TimelineEntry of(NodeEvent e, long receivedAt) {
        String summary = EventKind.FAULTS.equals(e.kind()) ? FaultText.event(e.data()) : summarize(e.data());
        return new TimelineEntry(receivedAt, e.ts(), e.node(), e.kind(), e.seq(), summary, e.data());
    }

    /** The fields a person looks for first: broker, reason, topic, counts. */
    static String summarize(JsonObject d) {
        StringBuilder sb = new StringBuilder();
        for (String f : new String[] {"brokerName", "brokerAddr", "reason", "topic", "checked", "expired", "ok",
                                      "chosen", "broker", "source", "error"}) {
            String v = Json.text(d, f);
            if (v != null) {
                sb.append(sb.length() == 0 ? "" : "  ").append(f).append('=').append(v);
            }
        }
        return sb.toString();
    }
}
