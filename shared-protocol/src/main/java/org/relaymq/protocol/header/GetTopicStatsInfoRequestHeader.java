package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 202 GET_TOPIC_STATS_INFO request.
 */
public record GetTopicStatsInfoRequestHeader(String topic) {

    public GetTopicStatsInfoRequestHeader {
        ExtFields.require(topic, "topic");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("topic", topic)
                .build();
    }

    public static GetTopicStatsInfoRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetTopicStatsInfoRequestHeader(
                r.requiredString("topic"));
    }
}
