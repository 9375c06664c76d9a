package org.relaymq.console.ui;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;

/** NameServer snapshots and events shaped like the runtime's (NamesrvSnapshotJson, NamesrvEvents). */
public final class NamesrvFixtures {

    public static final String NS = "127.0.0.1:9876";
    public static final String NS_NODE = "namesrv@" + NS;
    public static final String BROKER_A = "127.0.0.1:10911";

    private NamesrvFixtures() {
    }

    public static JsonObject snapshot(String profile, long expiryMs, long idleMs) {
        JsonObject s = new JsonObject();
        s.addProperty("profile", profile);
        s.addProperty("brokerExpiryMs", expiryMs);
        s.addProperty("scanIntervalMs", 1000);
        JsonArray brokers = new JsonArray();
        if (idleMs >= 0) {
            JsonObject b = new JsonObject();
            b.addProperty("cluster", "DemoCluster");
            b.addProperty("brokerName", "broker-a");
            b.addProperty("brokerId", 0);
            b.addProperty("brokerAddr", BROKER_A);
            b.addProperty("idleMs", idleMs);
            brokers.add(b);
        }
        s.add("brokers", brokers);
        return s;
    }

    public static NodeEvent event(long seq, String kind, String reason, long expiryMs) {
        EventData d = EventData.create().put("cluster", "DemoCluster").put("brokerName", "broker-a")
                .put("brokerId", 0).put("brokerAddr", BROKER_A).put("idleMs", 0).put("expiryMs", expiryMs)
                .put("reason", reason);
        if (EventKind.BROKER_EXPIRED.equals(kind)) {
            d.put("silentForMs", expiryMs + 400);
        }
        return new NodeEvent(seq, 1_700_000_000_000L + seq, NS_NODE, kind, d.build());
    }
}
