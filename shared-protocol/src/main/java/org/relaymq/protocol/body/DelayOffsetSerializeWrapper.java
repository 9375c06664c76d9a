package org.relaymq.protocol.body;

import java.util.Map;

/** GET_ALL_DELAY_OFFSET (45) body: delay level to schedule-queue offset; written like fastjson ({@code {1:0}}). */
public record DelayOffsetSerializeWrapper(Map<Integer, Long> offsetTable) {

    public DelayOffsetSerializeWrapper {
        offsetTable = Copies.map(offsetTable);
    }

    public static DelayOffsetSerializeWrapper decode(byte[] body) {
        return ProtocolJson.decode(body, DelayOffsetSerializeWrapper.class);
    }

    public byte[] encode() {
        return ProtocolJson.encodeFastjsonStyle(this);
    }
}
