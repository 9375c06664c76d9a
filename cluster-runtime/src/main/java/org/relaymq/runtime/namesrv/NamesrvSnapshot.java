package org.relaymq.runtime.namesrv;

import java.util.List;
import java.util.Map;
import org.relaymq.protocol.body.ClusterInfo;
import org.relaymq.protocol.body.TopicRouteData;

/**
 * Everything a late subscriber needs (SUBSCRIBE_EVENTS answer): brokers with their timers, the
 * cluster table and every topic's route, consistent with each other. {@code eventSeq} is the seq of
 * the last event already reflected here: a subscriber applies only events with a larger seq.
 */
public record NamesrvSnapshot(long takenAtWallMillis, long eventSeq, String profile, long scanIntervalMillis,
                              long brokerExpiryMillis, long lastScanWallMillis, List<BrokerView> brokers,
                              ClusterInfo clusterInfo, Map<String, TopicRouteData> routes) {

    public NamesrvSnapshot {
        brokers = List.copyOf(brokers);
        routes = Map.copyOf(routes);
    }
}
