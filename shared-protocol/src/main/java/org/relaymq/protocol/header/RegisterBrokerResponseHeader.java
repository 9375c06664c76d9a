package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 103 REGISTER_BROKER response; both fields are set only for a slave whose master is alive.
 */
public record RegisterBrokerResponseHeader(String haServerAddr, String masterAddr) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("haServerAddr", haServerAddr)
                .put("masterAddr", masterAddr)
                .build();
    }

    public static RegisterBrokerResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new RegisterBrokerResponseHeader(
                r.optionalString("haServerAddr"),
                r.optionalString("masterAddr"));
    }
}
