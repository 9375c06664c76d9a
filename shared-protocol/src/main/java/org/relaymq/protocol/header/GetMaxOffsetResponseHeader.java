package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 30 GET_MAX_OFFSET response: the next logical offset to be written.
 */
public record GetMaxOffsetResponseHeader(long offset) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("offset", offset)
                .build();
    }

    public static GetMaxOffsetResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetMaxOffsetResponseHeader(
                r.requiredLong("offset"));
    }
}
