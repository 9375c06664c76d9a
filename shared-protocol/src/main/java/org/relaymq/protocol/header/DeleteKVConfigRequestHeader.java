package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 102 DELETE_KV_CONFIG request.
 */
public record DeleteKVConfigRequestHeader(String namespace, String key) {

    public DeleteKVConfigRequestHeader {
        ExtFields.require(namespace, "namespace");
        ExtFields.require(key, "key");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("namespace", namespace)
                .put("key", key)
                .build();
    }

    public static DeleteKVConfigRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new DeleteKVConfigRequestHeader(
                r.requiredString("namespace"),
                r.requiredString("key"));
    }
}
