package org.relaymq.runtime.namesrv;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.List;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.event.EventData;

/**
 * Builds the {@code data} objects of NameServer events. Every broker event carries cluster,
 * brokerName, brokerAddr, brokerId and the timing a console needs for countdowns: lastRegistration
 * and expiryDeadline (wall ms), idleMs and expiryMs.
 */
final class NamesrvEvents {

    private NamesrvEvents() {
    }

    static JsonObject registered(BrokerLiveInfo live, RegisterResult result, int topics, Moment now, long expiryMs) {
        return broker(live, now, expiryMs).put("firstRegistration", result.firstRegistration())
                .put("changed", result.changed()).put("topics", topics)
                .put("masterAddr", result.masterAddr()).put("masterHaServerAddr", result.haServerAddr()).build();
    }

    static JsonObject heartbeat(BrokerLiveInfo live, boolean changed, Moment now, long expiryMs) {
        return broker(live, now, expiryMs).put("changed", changed).build();
    }

    static JsonObject removed(RemovedBroker r, Moment now, long expiryMs) {
        EventData d = EventData.create().put("cluster", r.cluster()).put("brokerName", r.brokerName())
                .put("brokerAddr", r.brokerAddr()).put("brokerId", r.brokerId()).put("reason", r.reason().name())
                .put("groupRemoved", r.groupRemoved()).put("topicsRemoved", strings(r.topicsRemoved()))
                .put("expiryMs", expiryMs);
        if (r.live() != null) {
            BrokerLiveInfo l = r.live();
            d.put("haServerAddr", l.haServerAddr()).put("channelId", l.channelId())
                    .put("firstRegistration", l.firstRegistrationWallMillis())
                    .put("lastRegistration", l.lastUpdateWallMillis())
                    .put("expiryDeadline", l.expiryDeadlineWallMillis(expiryMs))
                    .put("idleMs", r.idleMillis()).put("silentForMs", r.idleMillis());
        }
        d.put("removedAt", now.wallMillis());
        return d.build();
    }

    static JsonObject scan(List<BrokerLiveInfo> checked, List<RemovedBroker> expired, Moment now, long expiryMs,
                           long scanIntervalMs) {
        JsonArray brokers = new JsonArray();
        for (BrokerLiveInfo live : checked) {
            boolean gone = expired.stream().anyMatch(r -> r.brokerAddr().equals(live.brokerAddr()));
            brokers.add(broker(live, now, expiryMs).put("expired", gone).build());
        }
        return EventData.create().put("checked", checked.size()).put("expired", expired.size())
                .put("expiryMs", expiryMs).put("scanIntervalMs", scanIntervalMs)
                .put("nextScan", now.wallMillis() + scanIntervalMs).put("brokers", brokers).build();
    }

    static EventData broker(BrokerLiveInfo live, Moment now, long expiryMs) {
        return EventData.create().put("cluster", live.cluster()).put("brokerName", live.brokerName())
                .put("brokerAddr", live.brokerAddr()).put("brokerId", live.brokerId())
                .put("haServerAddr", live.haServerAddr())
                .put("firstRegistration", live.firstRegistrationWallMillis())
                .put("lastRegistration", live.lastUpdateWallMillis())
                .put("expiryDeadline", live.expiryDeadlineWallMillis(expiryMs))
                .put("idleMs", live.idleMillis(now)).put("expiryMs", expiryMs)
                .put("refreshCount", live.refreshCount()).put("via", live.lastRefreshVia())
                .put("dataVersion", version(live.dataVersion()));
    }

    static JsonObject version(DataVersion v) {
        if (v == null) {
            return null;
        }
        JsonObject o = new JsonObject();
        o.addProperty("timestamp", v.timestamp());
        o.addProperty("counter", v.counter());
        if (v.stateVersion() != null) {
            o.addProperty("stateVersion", v.stateVersion());
        }
        return o;
    }

    static JsonArray strings(List<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
