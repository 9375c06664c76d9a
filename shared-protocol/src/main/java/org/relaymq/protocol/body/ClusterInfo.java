package org.relaymq.protocol.body;

import java.util.Map;
import java.util.Set;

/** GET_BROKER_CLUSTER_INFO body (protocol.md §4.4.4); encoded like Apache, with unquoted broker ids. */
public record ClusterInfo(Map<String, BrokerData> brokerAddrTable, Map<String, Set<String>> clusterAddrTable) {

    public ClusterInfo {
        brokerAddrTable = brokerAddrTable == null ? Map.of() : Map.copyOf(brokerAddrTable);
        clusterAddrTable = clusterAddrTable == null ? Map.of() : Map.copyOf(clusterAddrTable);
    }

    public static ClusterInfo decode(byte[] body) {
        return ProtocolJson.decode(body, ClusterInfo.class);
    }

    public byte[] encode() {
        return ProtocolJson.encodeFastjsonStyle(this);
    }
}
