package org.relaymq.protocol.body;

import java.util.Map;

/**
 * Key/value table ({@code {"table":{"k":"v"}}}): GET_KVLIST_BY_NAMESPACE, the REGISTER_BROKER response,
 * GET_BROKER_RUNTIME_INFO.
 */
public record KVTable(Map<String, String> table) {

    public KVTable {
        table = Copies.map(table);
    }

    public static KVTable decode(byte[] body) {
        return ProtocolJson.decode(body, KVTable.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
