package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 32 GET_EARLIEST_MSG_STORETIME request.
 */
public record GetEarliestMsgStoretimeRequestHeader(String topic, int queueId, String bname) {

    public GetEarliestMsgStoretimeRequestHeader {
        ExtFields.require(topic, "topic");
    }

    /** Without the optional target broker name ({@code bname}). */
    public GetEarliestMsgStoretimeRequestHeader(String topic, int queueId) {
        this(topic, queueId, null);
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("topic", topic)
                .put("queueId", queueId)
                .put("bname", bname)
                .build();
    }

    public static GetEarliestMsgStoretimeRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetEarliestMsgStoretimeRequestHeader(
                r.requiredString("topic"),
                r.requiredInt("queueId"),
                r.optionalString("bname"));
    }
}
