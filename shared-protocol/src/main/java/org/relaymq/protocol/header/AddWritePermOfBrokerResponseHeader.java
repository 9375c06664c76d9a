package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 327 ADD_WRITE_PERM_OF_BROKER response: how many topics got READ+WRITE back.
 */
public record AddWritePermOfBrokerResponseHeader(int addTopicCount) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("addTopicCount", addTopicCount)
                .build();
    }

    public static AddWritePermOfBrokerResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new AddWritePermOfBrokerResponseHeader(
                r.requiredInt("addTopicCount"));
    }
}
