package org.relaymq.runtime.namesrv;

import org.relaymq.protocol.body.DataVersion;

/**
 * What the NameServer knows about one live broker address (immutable; replaced on every refresh).
 * Monotonic {@code lastUpdateMonotonicMillis} decides expiry; the wall times are for display.
 */
public record BrokerLiveInfo(String brokerAddr, String cluster, String brokerName, long brokerId,
                             String haServerAddr, String channelId, DataVersion dataVersion,
                             long firstRegistrationWallMillis, long lastUpdateWallMillis,
                             long lastUpdateMonotonicMillis, long refreshCount, String lastRefreshVia) {

    public static final String VIA_REGISTER = "REGISTER_BROKER";
    public static final String VIA_QUERY_DATA_VERSION = "QUERY_DATA_VERSION";

    public long idleMillis(Moment now) {
        return Math.max(0, now.monotonicMillis() - lastUpdateMonotonicMillis);
    }

    /** Silent for strictly longer than {@code expiryMillis}. */
    public boolean isExpired(Moment now, long expiryMillis) {
        return idleMillis(now) > expiryMillis;
    }

    /** Wall time after which a scan drops this broker unless it refreshes. */
    public long expiryDeadlineWallMillis(long expiryMillis) {
        return lastUpdateWallMillis + expiryMillis;
    }

    BrokerLiveInfo refreshed(Moment now, String via) {
        return new BrokerLiveInfo(brokerAddr, cluster, brokerName, brokerId, haServerAddr, channelId, dataVersion,
                firstRegistrationWallMillis, now.wallMillis(), now.monotonicMillis(), refreshCount + 1, via);
    }
}
