package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 205 WIPE_WRITE_PERM_OF_BROKER request.
 */
public record WipeWritePermOfBrokerRequestHeader(String brokerName) {

    public WipeWritePermOfBrokerRequestHeader {
        ExtFields.require(brokerName, "brokerName");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("brokerName", brokerName)
                .build();
    }

    public static WipeWritePermOfBrokerRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new WipeWritePermOfBrokerRequestHeader(
                r.requiredString("brokerName"));
    }
}
