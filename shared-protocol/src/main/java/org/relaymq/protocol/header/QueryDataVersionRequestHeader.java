package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 322 QUERY_DATA_VERSION request (broker → NameServer); the body is the broker's DataVersion.
 */
public record QueryDataVersionRequestHeader(String brokerName, String brokerAddr, String clusterName, long brokerId) {

    public QueryDataVersionRequestHeader {
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

    public static QueryDataVersionRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new QueryDataVersionRequestHeader(
                r.requiredString("brokerName"),
                r.requiredString("brokerAddr"),
                r.requiredString("clusterName"),
                r.requiredLong("brokerId"));
    }
}
