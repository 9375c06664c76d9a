package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 101 GET_KV_CONFIG response; {@code value} is null when the key is unknown (code 22).
 */
public record GetKVConfigResponseHeader(String value) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("value", value)
                .build();
    }

    public static GetKVConfigResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetKVConfigResponseHeader(
                r.optionalString("value"));
    }
}
