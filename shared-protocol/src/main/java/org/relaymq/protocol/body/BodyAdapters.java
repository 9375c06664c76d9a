package org.relaymq.protocol.body;

import com.google.gson.JsonDeserializer;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonSerializer;
import com.google.gson.reflect.TypeToken;
import java.lang.reflect.Type;
import java.util.Map;

/** Hand-written Gson adapters where the record shape and the wire shape differ. */
final class BodyAdapters {

    private static final Type BROKER_ADDRS = new TypeToken<Map<Long, String>>() { }.getType();

    /**
     * BrokerData as 5.x writes it: the record's three components plus {@code "enableActingMaster":false}
     * (4.x readers ignore the key). Reading uses Gson's record support, which ignores the extra keys.
     */
    static final JsonSerializer<BrokerData> BROKER_DATA_WRITER = (src, type, context) -> {
        JsonObject json = new JsonObject();
        json.add("brokerAddrs", context.serialize(src.brokerAddrs(), BROKER_ADDRS));
        if (src.brokerName() != null) {
            json.addProperty("brokerName", src.brokerName());
        }
        if (src.cluster() != null) {
            json.addProperty("cluster", src.cluster());
        }
        json.addProperty("enableActingMaster", false);
        return json;
    };

    /** SubscriptionGroupConfig with Apache's defaults for absent keys (§4.3), not Java's zero values. */
    static final JsonDeserializer<SubscriptionGroupConfig> SUBSCRIPTION_GROUP_READER = (json, type, context) -> {
        JsonObject o = json.getAsJsonObject();
        SubscriptionGroupConfig d = SubscriptionGroupConfig.defaults(null);
        return new SubscriptionGroupConfig(
                longOr(o, "brokerId", d.brokerId()),
                boolOr(o, "consumeBroadcastEnable", d.consumeBroadcastEnable()),
                boolOr(o, "consumeEnable", d.consumeEnable()),
                boolOr(o, "consumeFromMinEnable", d.consumeFromMinEnable()),
                present(o, "groupName") ? o.get("groupName").getAsString() : null,
                boolOr(o, "notifyConsumerIdsChangedEnable", d.notifyConsumerIdsChangedEnable()),
                (int) longOr(o, "retryMaxTimes", d.retryMaxTimes()),
                (int) longOr(o, "retryQueueNums", d.retryQueueNums()),
                longOr(o, "whichBrokerWhenConsumeSlowly", d.whichBrokerWhenConsumeSlowly()));
    };

    private BodyAdapters() {
    }

    private static boolean present(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && !e.isJsonNull();
    }

    private static boolean boolOr(JsonObject o, String name, boolean fallback) {
        return present(o, name) ? o.get(name).getAsBoolean() : fallback;
    }

    private static long longOr(JsonObject o, String name, long fallback) {
        return present(o, name) ? o.get(name).getAsLong() : fallback;
    }
}
