package org.relaymq.protocol.body;

import java.util.Map;

/** GET_CONSUME_STATS (208) body; MessageQueue keys are written inline like fastjson (non-standard JSON). */
public record ConsumeStats(double consumeTps, Map<MessageQueue, OffsetWrapper> offsetTable) {

    public ConsumeStats {
        offsetTable = Copies.map(offsetTable);
    }

    public static ConsumeStats decode(byte[] body) {
        return ProtocolJson.decodeNonStandard(body, ConsumeStats.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
