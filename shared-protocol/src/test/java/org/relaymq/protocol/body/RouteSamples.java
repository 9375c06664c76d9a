package org.relaymq.protocol.body;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** The route-side records of the protocol.md examples. */
final class RouteSamples {

    private RouteSamples() {
    }

    static RegisterBrokerBody registerBody() {
        Map<String, TopicConfig> topics = Map.of(
                "TopicTest", TopicConfig.of("TopicTest", 4, 6),
                "TBW102", TopicConfig.of("TBW102", 8, 7));
        return new RegisterBrokerBody(
                new TopicConfigSerializeWrapper(topics, new DataVersion(1700000000000L, 3)), List.of());
    }

    static BrokerData brokerA() {
        return new BrokerData("DefaultCluster", "broker-a",
                Map.of(0L, "192.168.0.10:10911", 1L, "192.168.0.11:10911"));
    }

    static TopicRouteData route() {
        return new TopicRouteData(null, List.of(new QueueData("broker-a", 4, 4, 6, 0)), List.of(brokerA()),
                Map.of());
    }

    static ClusterInfo clusterInfo() {
        BrokerData master = new BrokerData("DefaultCluster", "broker-a", Map.of(0L, "192.168.0.10:10911"));
        return new ClusterInfo(Map.of("broker-a", master), Map.of("DefaultCluster", Set.of("broker-a")));
    }
}
