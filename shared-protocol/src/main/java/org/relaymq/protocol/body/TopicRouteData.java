package org.relaymq.protocol.body;

import java.util.List;
import java.util.Map;

/** Route of a topic (GET_ROUTEINFO_BY_TOPIC body, protocol.md §4.4.3). */
public record TopicRouteData(String orderTopicConf, List<QueueData> queueDatas, List<BrokerData> brokerDatas,
                             Map<String, List<String>> filterServerTable) {

    /** Requesters at this version (4.9.x ordinal) and above get standard JSON (quoted broker ids). */
    public static final int STANDARD_JSON_MIN_VERSION = 401;

    public TopicRouteData {
        queueDatas = queueDatas == null ? List.of() : List.copyOf(queueDatas);
        brokerDatas = brokerDatas == null ? List.of() : List.copyOf(brokerDatas);
        filterServerTable = filterServerTable == null ? Map.of() : Map.copyOf(filterServerTable);
    }

    /** Apache's choice of style: standard JSON for version ≥ 401 or when the client asks for it. */
    public static boolean standardJsonFor(int requesterVersion, Boolean acceptStandardJsonOnly) {
        return requesterVersion >= STANDARD_JSON_MIN_VERSION || Boolean.TRUE.equals(acceptStandardJsonOnly);
    }

    /** Reads either style (quoted or unquoted broker ids; {@code topicSynFlag} from old peers). */
    public static TopicRouteData decode(byte[] body) {
        return ProtocolJson.decode(body, TopicRouteData.class);
    }

    /** {@code standardJson}: quoted broker ids; otherwise fastjson's default {@code {0:"addr"}}. */
    public byte[] encode(boolean standardJson) {
        return standardJson ? ProtocolJson.encode(this) : ProtocolJson.encodeFastjsonStyle(this);
    }
}
