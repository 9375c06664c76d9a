package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 35 UNREGISTER_CLIENT request; either group may be absent.
 */
public record UnregisterClientRequestHeader(String clientID, String producerGroup, String consumerGroup) {

    public UnregisterClientRequestHeader {
        ExtFields.require(clientID, "clientID");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("clientID", clientID)
                .put("producerGroup", producerGroup)
                .put("consumerGroup", consumerGroup)
                .build();
    }

    public static UnregisterClientRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new UnregisterClientRequestHeader(
                r.requiredString("clientID"),
                r.optionalString("producerGroup"),
                r.optionalString("consumerGroup"));
    }
}
