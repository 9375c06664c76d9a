package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 29 SEARCH_OFFSET_BY_TIMESTAMP request.
 */
public record SearchOffsetRequestHeader(String topic, int queueId, long timestamp, String bname) {

    public SearchOffsetRequestHeader {
        ExtFields.require(topic, "topic");
    }

    /** Without the optional target broker name ({@code bname}). */
    public SearchOffsetRequestHeader(String topic, int queueId, long timestamp) {
        this(topic, queueId, timestamp, null);
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("topic", topic)
                .put("queueId", queueId)
                .put("timestamp", timestamp)
                .put("bname", bname)
                .build();
    }

    public static SearchOffsetRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new SearchOffsetRequestHeader(
                r.requiredString("topic"),
                r.requiredInt("queueId"),
                r.requiredLong("timestamp"),
                r.optionalString("bname"));
    }
}
