package org.relaymq.console.service;

import java.util.List;
import java.util.Map;

/**
 * What a node that streams no events (an Apache RocketMQ NameServer) told through the plain protocol
 * at one moment: the brokers it lists (GET_BROKER_CLUSTER_INFO) and the route of each topic it knows
 * (GET_ROUTEINFO_BY_TOPIC). No heartbeat times, no expiry deadlines: the protocol does not carry them.
 *
 * @param address         the NameServer polled
 * @param polledAtMillis  console monotonic millis of the answer
 * @param intervalMillis  how often the console polls it
 * @param brokers         one entry per broker address
 * @param routes          topic → "brokerName (master addr)" entries
 * @param error           what failed (partly or wholly), or null
 */
public record ProtocolView(String address, long polledAtMillis, long intervalMillis, List<Broker> brokers,
                           Map<String, List<String>> routes, String error) {

    public ProtocolView {
        brokers = List.copyOf(brokers);
        routes = Map.copyOf(routes);
    }

    /** One broker address as the cluster info lists it. */
    public record Broker(String cluster, String brokerName, long brokerId, String address) {
    }
}
