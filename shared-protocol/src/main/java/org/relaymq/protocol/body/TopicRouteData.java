package org.relaymq.protocol.body;

import java.util.List;
import java.util.Map;

/** Route of a topic (GET_ROUTEINFO_BY_TOPIC body, protocol.md §4.4.3). */
public record TopicRouteData(String orderTopicConf, List<QueueData> queueDatas, List<BrokerData> brokerDatas,
                             Map<String, List<String>> filterServerTable) {

    public TopicRouteData {
        queueDatas = queueDatas == null ? List.of() : List.copyOf(queueDatas);
        brokerDatas = brokerDatas == null ? List.of() : List.copyOf(brokerDatas);
        filterServerTable = filterServerTable == null ? Map.of() : Map.copyOf(filterServerTable);
    }
}
