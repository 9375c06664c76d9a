package org.relaymq.protocol.body;

import java.util.Map;

/**
 * GET_ALL_CONSUMER_OFFSET (43) body: {@code topic@group} to queue id to offset; written like fastjson
 * ({@code {"offsetTable":{"T@g":{0:12}}}}).
 */
public record ConsumerOffsetSerializeWrapper(Map<String, Map<Integer, Long>> offsetTable) {

    public ConsumerOffsetSerializeWrapper {
        offsetTable = Copies.map(offsetTable);
    }

    public static ConsumerOffsetSerializeWrapper decode(byte[] body) {
        return ProtocolJson.decode(body, ConsumerOffsetSerializeWrapper.class);
    }

    public byte[] encode() {
        return ProtocolJson.encodeFastjsonStyle(this);
    }
}
