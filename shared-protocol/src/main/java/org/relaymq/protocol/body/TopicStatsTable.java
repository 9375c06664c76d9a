package org.relaymq.protocol.body;

import java.util.Map;

/** GET_TOPIC_STATS_INFO (202) body; MessageQueue keys are written inline like fastjson (non-standard JSON). */
public record TopicStatsTable(Map<MessageQueue, TopicOffset> offsetTable) {

    public TopicStatsTable {
        offsetTable = Copies.map(offsetTable);
    }

    public static TopicStatsTable decode(byte[] body) {
        return ProtocolJson.decodeNonStandard(body, TopicStatsTable.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
