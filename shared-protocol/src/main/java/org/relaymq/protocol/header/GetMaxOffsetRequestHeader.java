package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 30 GET_MAX_OFFSET request.
 */
public record GetMaxOffsetRequestHeader(String topic, int queueId, String bname) {

    public GetMaxOffsetRequestHeader {
        ExtFields.require(topic, "topic");
    }

    /** Without the optional target broker name ({@code bname}). */
    public GetMaxOffsetRequestHeader(String topic, int queueId) {
        this(topic, queueId, null);
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("topic", topic)
                .put("queueId", queueId)
                .put("bname", bname)
                .build();
    }

    public static GetMaxOffsetRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetMaxOffsetRequestHeader(
                r.requiredString("topic"),
                r.requiredInt("queueId"),
                r.optionalString("bname"));
    }
}
