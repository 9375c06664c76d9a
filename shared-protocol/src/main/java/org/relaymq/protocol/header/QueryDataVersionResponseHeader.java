package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 322 QUERY_DATA_VERSION response: whether the NameServer's stored DataVersion differs.
 */
public record QueryDataVersionResponseHeader(boolean changed) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("changed", changed)
                .build();
    }

    public static QueryDataVersionResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new QueryDataVersionResponseHeader(
                r.requiredBoolean("changed"));
    }
}
