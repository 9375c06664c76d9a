package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 29 SEARCH_OFFSET_BY_TIMESTAMP response.
 */
public record SearchOffsetResponseHeader(long offset) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("offset", offset)
                .build();
    }

    public static SearchOffsetResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new SearchOffsetResponseHeader(
                r.requiredLong("offset"));
    }
}
