package org.relaymq.console.service;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Optional;
import org.relaymq.runtime.common.TimingProfile;

/**
 * {@link NodeTimings} from the nodes' GET_NODE_INFO answers: the broker expiry is what the watched
 * NameServers say (the longest, since the broker is gone everywhere only then), else the expiry of
 * the broker's own timing profile; the register interval is what the broker says.
 */
public final class GatewayTimings implements NodeTimings {

    private final ClusterGateway gateway;

    public GatewayTimings(ClusterGateway gateway) {
        this.gateway = gateway;
    }

    @Override
    public Optional<Duration> brokerExpiry(NodeStatus broker) {
        long longest = -1;
        for (String address : gateway.watched()) {
            Optional<JsonObject> info = gateway.nodeInfo(address);
            if (info.isPresent() && "namesrv".equals(text(info.get(), "role"))) {
                longest = Math.max(longest, interval(info.get(), "brokerExpiryMs"));
            }
        }
        if (longest > 0) {
            return Optional.of(Duration.ofMillis(longest));
        }
        return info(broker).map(i -> text(i, "profile")).flatMap(TimingProfile::byName)
                .map(TimingProfile::brokerExpiry);
    }

    @Override
    public Optional<Duration> registerInterval(NodeStatus broker) {
        return info(broker).map(i -> interval(i, "registerMs")).filter(ms -> ms > 0).map(Duration::ofMillis);
    }

    private Optional<JsonObject> info(NodeStatus node) {
        return node != null && node.hasAddress() ? gateway.nodeInfo(node.address()) : Optional.empty();
    }

    private static long interval(JsonObject info, String name) {
        JsonElement iv = info.get("intervals");
        if (iv == null || !iv.isJsonObject() || !iv.getAsJsonObject().has(name)) {
            return -1;
        }
        try {
            return iv.getAsJsonObject().get(name).getAsLong();
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static String text(JsonObject o, String field) {
        JsonElement e = o.get(field);
        return e == null || !e.isJsonPrimitive() ? null : e.getAsString();
    }
}
