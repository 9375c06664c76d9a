package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 208 GET_CONSUME_STATS request; without {@code topic} all of the group's topics.
 */
public record GetConsumeStatsRequestHeader(String consumerGroup, String topic) {

    public GetConsumeStatsRequestHeader {
        ExtFields.require(consumerGroup, "consumerGroup");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("consumerGroup", consumerGroup)
                .put("topic", topic)
                .build();
    }

    public static GetConsumeStatsRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetConsumeStatsRequestHeader(
                r.requiredString("consumerGroup"),
                r.optionalString("topic"));
    }
}
