package org.relaymq.console.ui.timeline;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;

/** Timeline entries as JSON (an array of event envelopes) or CSV (one line per event). */
public final class TimelineExport {

    private TimelineExport() {
    }

    public static String toJson(List<TimelineEntry> entries) {
        JsonArray a = new JsonArray();
        for (TimelineEntry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("seq", e.seq());
            o.addProperty("ts", e.ts());
            o.addProperty("node", e.node());
            o.addProperty("kind", e.kind());
            o.add("data", e.data());
            a.add(o);
        }
        return new GsonBuilder().setPrettyPrinting().create().toJson(a);
    }

    public static String toCsv(List<TimelineEntry> entries) {
        StringBuilder sb = new StringBuilder("ts,node,kind,seq,summary,data\n");
        for (TimelineEntry e : entries) {
            sb.append(e.ts()).append(',').append(csv(e.node())).append(',').append(csv(e.kind())).append(',')
                    .append(e.seq()).append(',').append(csv(e.summary())).append(',').append(csv(e.data().toString()))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String csv(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
