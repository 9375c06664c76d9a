package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 31 GET_MIN_OFFSET request.
 */
public record GetMinOffsetRequestHeader(String topic, int queueId, String bname) {

    public GetMinOffsetRequestHeader {
        ExtFields.require(topic, "topic");
    }

    /** Without the optional target broker name ({@code bname}). */
    public GetMinOffsetRequestHeader(String topic, int queueId) {
        this(topic, queueId, null);
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("topic", topic)
                .put("queueId", queueId)
                .put("bname", bname)
                .build();
    }

    public static GetMinOffsetRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetMinOffsetRequestHeader(
                r.requiredString("topic"),
                r.requiredInt("queueId"),
                r.optionalString("bname"));
    }
}
