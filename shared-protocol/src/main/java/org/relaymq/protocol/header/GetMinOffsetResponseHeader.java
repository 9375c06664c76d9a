package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 31 GET_MIN_OFFSET response.
 */
public record GetMinOffsetResponseHeader(long offset) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("offset", offset)
                .build();
    }

    public static GetMinOffsetResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetMinOffsetResponseHeader(
                r.requiredLong("offset"));
    }
}
