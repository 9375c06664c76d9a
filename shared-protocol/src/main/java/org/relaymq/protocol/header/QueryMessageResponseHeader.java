package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 12 QUERY_MESSAGE response.
 */
public record QueryMessageResponseHeader(long indexLastUpdateTimestamp, long indexLastUpdatePhyoffset) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("indexLastUpdateTimestamp", indexLastUpdateTimestamp)
                .put("indexLastUpdatePhyoffset", indexLastUpdatePhyoffset)
                .build();
    }

    public static QueryMessageResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new QueryMessageResponseHeader(
                r.requiredLong("indexLastUpdateTimestamp"),
                r.requiredLong("indexLastUpdatePhyoffset"));
    }
}
