package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 14 QUERY_CONSUMER_OFFSET request.
 */
public record QueryConsumerOffsetRequestHeader(String consumerGroup, String topic, int queueId, String bname) {

    public QueryConsumerOffsetRequestHeader {
        ExtFields.require(consumerGroup, "consumerGroup");
        ExtFields.require(topic, "topic");
    }

    /** Without the optional target broker name ({@code bname}). */
    public QueryConsumerOffsetRequestHeader(String consumerGroup, String topic, int queueId) {
        this(consumerGroup, topic, queueId, null);
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("consumerGroup", consumerGroup)
                .put("topic", topic)
                .put("queueId", queueId)
                .put("bname", bname)
                .build();
    }

    public static QueryConsumerOffsetRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new QueryConsumerOffsetRequestHeader(
                r.requiredString("consumerGroup"),
                r.requiredString("topic"),
                r.requiredInt("queueId"),
                r.optionalString("bname"));
    }
}
