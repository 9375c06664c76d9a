package org.relaymq.runtime.broker;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.broker.store.StoreStats;
import org.relaymq.runtime.telemetry.EventBus;

/** What a broker answers to SUBSCRIBE_EVENTS: identity, role, store offsets, clients. */
final class BrokerSnapshot {

    private BrokerSnapshot() {
    }

    static JsonObject of(BrokerConfig config, String address, EventBus events, MessageStore store,
                         BrokerCore core) {
        JsonObject o = new JsonObject();
        o.addProperty("eventSeq", events.lastSeq());
        o.addProperty("cluster", config.brokerClusterName());
        o.addProperty("brokerName", config.brokerName());
        o.addProperty("brokerId", config.brokerId());
        o.addProperty("role", config.brokerRole().name());
        o.addProperty("address", address);
        o.addProperty("profile", config.profileName());
        o.addProperty("registerIntervalMs", config.registerNameServerPeriod().toMillis());
        JsonArray namesrvs = new JsonArray();
        config.namesrvAddr().forEach(namesrvs::add);
        o.add("namesrvAddr", namesrvs);
        StoreStats stats = store.stats();
        JsonObject s = new JsonObject();
        s.addProperty("commitLogMinOffset", store.commitLogMinOffset());
        s.addProperty("commitLogMaxOffset", store.commitLogMaxOffset());
        s.addProperty("putMessages", stats.putMessages());
        s.addProperty("getRequests", stats.getRequests());
        o.add("store", s);
        JsonArray groups = new JsonArray();
        core.consumers().groups().forEach(g -> {
            JsonObject group = new JsonObject();
            group.addProperty("group", g);
            JsonArray ids = new JsonArray();
            core.consumers().clientIds(g).forEach(ids::add);
            group.add("clientIds", ids);
            groups.add(group);
        });
        o.add("consumerGroups", groups);
        o.addProperty("topics", core.topics().snapshot().topicConfigTable().size());
        return o;
    }
}
