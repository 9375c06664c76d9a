package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 205 WIPE_WRITE_PERM_OF_BROKER response: how many topics lost PERM_WRITE.
 */
public record WipeWritePermOfBrokerResponseHeader(int wipeTopicCount) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("wipeTopicCount", wipeTopicCount)
                .build();
    }

    public static WipeWritePermOfBrokerResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new WipeWritePermOfBrokerResponseHeader(
                r.requiredInt("wipeTopicCount"));
    }
}
