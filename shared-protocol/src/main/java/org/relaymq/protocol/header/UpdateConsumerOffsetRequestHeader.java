package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 15 UPDATE_CONSUMER_OFFSET request (usually oneway).
 */
public record UpdateConsumerOffsetRequestHeader(String consumerGroup, String topic, int queueId, long commitOffset,
        String bname) {

    public UpdateConsumerOffsetRequestHeader {
        ExtFields.require(consumerGroup, "consumerGroup");
        ExtFields.require(topic, "topic");
    }

    /** Without the optional target broker name ({@code bname}). */
    public UpdateConsumerOffsetRequestHeader(String consumerGroup, String topic, int queueId, long commitOffset) {
        this(consumerGroup, topic, queueId, commitOffset, null);
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("consumerGroup", consumerGroup)
                .put("topic", topic)
                .put("queueId", queueId)
                .put("commitOffset", commitOffset)
                .put("bname", bname)
                .build();
    }

    public static UpdateConsumerOffsetRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new UpdateConsumerOffsetRequestHeader(
                r.requiredString("consumerGroup"),
                r.requiredString("topic"),
                r.requiredInt("queueId"),
                r.requiredLong("commitOffset"),
                r.optionalString("bname"));
    }
}
