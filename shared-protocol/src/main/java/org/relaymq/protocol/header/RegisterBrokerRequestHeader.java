package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 103 REGISTER_BROKER request (broker → NameServer).
 *
 * <p>{@code compressed} and {@code bodyCrc32} are always sent by Apache (absent reads as false / 0);
 * {@code bodyCrc32} is the body CRC32 masked with 0x7FFFFFFF, 0 meaning "do not check".
 * {@code heartbeatTimeoutMillis} and {@code enableActingMaster} are 5.x-only and nullable.
 */
public record RegisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName,
        String haServerAddr, long brokerId, boolean compressed, int bodyCrc32, Long heartbeatTimeoutMillis,
        Boolean enableActingMaster) {

    /** The NameServer's expiry for a broker that does not send {@code heartbeatTimeoutMillis}. */
    public static final long DEFAULT_HEARTBEAT_TIMEOUT_MILLIS = 120_000L;

    public RegisterBrokerRequestHeader {
        ExtFields.require(brokerName, "brokerName");
        ExtFields.require(brokerAddr, "brokerAddr");
        ExtFields.require(clusterName, "clusterName");
        ExtFields.require(haServerAddr, "haServerAddr");
    }

    /** A 4.x registration: without the 5.x-only fields. */
    public RegisterBrokerRequestHeader(String brokerName, String brokerAddr, String clusterName,
            String haServerAddr, long brokerId, boolean compressed, int bodyCrc32) {
        this(brokerName, brokerAddr, clusterName, haServerAddr, brokerId, compressed, bodyCrc32, null, null);
    }

    /** {@code heartbeatTimeoutMillis}, or the 120 s default when the broker did not send one. */
    public long effectiveHeartbeatTimeoutMillis() {
        return heartbeatTimeoutMillis == null ? DEFAULT_HEARTBEAT_TIMEOUT_MILLIS : heartbeatTimeoutMillis;
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("brokerName", brokerName)
                .put("brokerAddr", brokerAddr)
                .put("clusterName", clusterName)
                .put("haServerAddr", haServerAddr)
                .put("brokerId", brokerId)
                .put("compressed", compressed)
                .put("bodyCrc32", bodyCrc32)
                .put("heartbeatTimeoutMillis", heartbeatTimeoutMillis)
                .put("enableActingMaster", enableActingMaster)
                .build();
    }

    public static RegisterBrokerRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new RegisterBrokerRequestHeader(
                r.requiredString("brokerName"),
                r.requiredString("brokerAddr"),
                r.requiredString("clusterName"),
                r.requiredString("haServerAddr"),
                r.requiredLong("brokerId"),
                r.booleanOr("compressed", false),
                r.intOr("bodyCrc32", 0),
                r.optionalLong("heartbeatTimeoutMillis"),
                r.optionalBoolean("enableActingMaster"));
    }
}
