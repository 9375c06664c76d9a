package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 32 GET_EARLIEST_MSG_STORETIME response: store time of the earliest message.
 */
public record GetEarliestMsgStoretimeResponseHeader(long timestamp) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("timestamp", timestamp)
                .build();
    }

    public static GetEarliestMsgStoretimeResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetEarliestMsgStoretimeResponseHeader(
                r.requiredLong("timestamp"));
    }
}
