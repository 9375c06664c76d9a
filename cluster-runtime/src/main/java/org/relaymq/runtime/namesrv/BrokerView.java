package org.relaymq.runtime.namesrv;

import java.time.Instant;
import org.relaymq.protocol.body.DataVersion;

/**
 * One known broker address as the console shows it: when it registered, when it was last heard
 * from, when it will expire, and a sentence saying why it is in the table.
 */
public record BrokerView(String cluster, String brokerName, long brokerId, String brokerAddr, String haServerAddr,
                         long firstRegistrationWallMillis, long lastRegistrationWallMillis,
                         long expiryDeadlineWallMillis, long idleMillis, long refreshCount, String lastRefreshVia,
                         DataVersion dataVersion, String status) {

    static BrokerView of(BrokerLiveInfo l, Moment now, long expiryMs) {
        String status = "registered at " + Instant.ofEpochMilli(l.firstRegistrationWallMillis())
                + ", last " + l.lastRefreshVia() + " at " + Instant.ofEpochMilli(l.lastUpdateWallMillis())
                + " (" + l.idleMillis(now) + " ms ago, " + l.refreshCount() + " in all), expires after "
                + Instant.ofEpochMilli(l.expiryDeadlineWallMillis(expiryMs)) + " unless heard from";
        return new BrokerView(l.cluster(), l.brokerName(), l.brokerId(), l.brokerAddr(), l.haServerAddr(),
                l.firstRegistrationWallMillis(), l.lastUpdateWallMillis(), l.expiryDeadlineWallMillis(expiryMs),
                l.idleMillis(now), l.refreshCount(), l.lastRefreshVia(), l.dataVersion(), status);
    }
}
