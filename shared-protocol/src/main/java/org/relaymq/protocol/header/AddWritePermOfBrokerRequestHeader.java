package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 327 ADD_WRITE_PERM_OF_BROKER request.
 */
public record AddWritePermOfBrokerRequestHeader(String brokerName) {

    public AddWritePermOfBrokerRequestHeader {
        ExtFields.require(brokerName, "brokerName");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("brokerName", brokerName)
                .build();
    }

    public static AddWritePermOfBrokerRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new AddWritePermOfBrokerRequestHeader(
                r.requiredString("brokerName"));
    }
}
