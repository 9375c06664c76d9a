package org.relaymq.protocol.body;

import java.util.Map;

/** GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201) body: every subscription group with the table version. */
public record SubscriptionGroupWrapper(DataVersion dataVersion,
                                       Map<String, SubscriptionGroupConfig> subscriptionGroupTable) {

    public SubscriptionGroupWrapper {
        subscriptionGroupTable = Copies.map(subscriptionGroupTable);
    }

    public static SubscriptionGroupWrapper decode(byte[] body) {
        return ProtocolJson.decode(body, SubscriptionGroupWrapper.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
