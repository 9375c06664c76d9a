package org.relaymq.protocol.body;

import java.util.Map;
import java.util.TreeMap;

/** A broker group: its name, cluster and addresses by broker id (0 = master). */
public record BrokerData(String cluster, String brokerName, Map<Long, String> brokerAddrs) {

    public static final long MASTER_ID = 0L;

    public BrokerData {
        brokerAddrs = brokerAddrs == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(brokerAddrs));
    }

    public String masterAddr() {
        return brokerAddrs.get(MASTER_ID);
    }
}
