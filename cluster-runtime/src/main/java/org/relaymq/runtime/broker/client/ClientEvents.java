package org.relaymq.runtime.broker.client;

import com.google.gson.JsonArray;
import java.util.Collection;
import java.util.Objects;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.telemetry.EventSink;

/** CLIENT_CONNECTED / CLIENT_GONE events of the client registries. */
final class ClientEvents {

    static final String REASON_UNREGISTERED = "unregistered";
    static final String REASON_CHANNEL_CLOSED = "channel closed";
    static final String REASON_EXPIRED = "expired";

    private final EventSink sink;
    private final String role;

    ClientEvents(EventSink sink, String role) {
        this.sink = Objects.requireNonNull(sink, "sink");
        this.role = role;
    }

    void connected(String group, ClientChannelInfo info) {
        sink.publish(EventKind.CLIENT_CONNECTED, EventData.create()
                .put("clientId", info.clientId())
                .put("role", role)
                .put("group", group)
                .put("groups", array(java.util.List.of(group)))
                .put("address", info.address())
                .put("language", info.language().name())
                .put("version", info.version())
                .build());
    }

    void gone(ClientChannelInfo info, Collection<String> groups, String reason, long idleMillis) {
        EventData data = EventData.create()
                .put("clientId", info.clientId())
                .put("role", role)
                .put("groups", array(groups))
                .put("address", info.address())
                .put("reason", reason);
        if (REASON_EXPIRED.equals(reason)) {
            data.put("idleMillis", idleMillis);
        }
        sink.publish(EventKind.CLIENT_GONE, data.build());
    }

    private static JsonArray array(Collection<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
