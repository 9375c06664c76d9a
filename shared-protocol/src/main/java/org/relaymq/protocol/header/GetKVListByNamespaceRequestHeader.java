package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 219 GET_KVLIST_BY_NAMESPACE request.
 */
public record GetKVListByNamespaceRequestHeader(String namespace) {

    public GetKVListByNamespaceRequestHeader {
        ExtFields.require(namespace, "namespace");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("namespace", namespace)
                .build();
    }

    public static GetKVListByNamespaceRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetKVListByNamespaceRequestHeader(
                r.requiredString("namespace"));
    }
}
