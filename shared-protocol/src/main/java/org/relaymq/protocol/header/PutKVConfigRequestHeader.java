package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 100 PUT_KV_CONFIG request.
 */
public record PutKVConfigRequestHeader(String namespace, String key, String value) {

    public PutKVConfigRequestHeader {
        ExtFields.require(namespace, "namespace");
        ExtFields.require(key, "key");
        ExtFields.require(value, "value");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("namespace", namespace)
                .put("key", key)
                .put("value", value)
                .build();
    }

    public static PutKVConfigRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new PutKVConfigRequestHeader(
                r.requiredString("namespace"),
                r.requiredString("key"),
                r.requiredString("value"));
    }
}
