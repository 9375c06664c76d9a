package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 104 UNREGISTER_BROKER request (broker → NameServer at shutdown).
 */
public record UnregisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName, long brokerId) {

    public UnregisterBrokerRequestHeader {
        ExtFields.require(brokerName, "brokerName");
        ExtFields.require(brokerAddr, "brokerAddr");
        ExtFields.require(clusterName, "clusterName");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("brokerName", brokerName)
                .put("brokerAddr", brokerAddr)
                .put("clusterName", clusterName)
                .put("brokerId", brokerId)
                .build();
    }

    public static UnregisterBrokerRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new UnregisterBrokerRequestHeader(
                r.requiredString("brokerName"),
                r.requiredString("brokerAddr"),
                r.requiredString("clusterName"),
                r.requiredLong("brokerId"));
    }
}
