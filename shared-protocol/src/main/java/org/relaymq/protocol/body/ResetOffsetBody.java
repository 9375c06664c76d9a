package org.relaymq.protocol.body;

import java.util.Map;

/** RESET_CONSUMER_CLIENT_OFFSET (220) body: queue to offset; MessageQueue keys inline like fastjson. */
public record ResetOffsetBody(Map<MessageQueue, Long> offsetTable) {

    public ResetOffsetBody {
        offsetTable = Copies.map(offsetTable);
    }

    public static ResetOffsetBody decode(byte[] body) {
        return ProtocolJson.decodeNonStandard(body, ResetOffsetBody.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
