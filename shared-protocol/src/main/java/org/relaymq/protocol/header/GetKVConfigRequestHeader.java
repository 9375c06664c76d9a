package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 101 GET_KV_CONFIG request.
 */
public record GetKVConfigRequestHeader(String namespace, String key) {

    public GetKVConfigRequestHeader {
        ExtFields.require(namespace, "namespace");
        ExtFields.require(key, "key");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("namespace", namespace)
                .put("key", key)
                .build();
    }

    public static GetKVConfigRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetKVConfigRequestHeader(
                r.requiredString("namespace"),
                r.requiredString("key"));
    }
}
