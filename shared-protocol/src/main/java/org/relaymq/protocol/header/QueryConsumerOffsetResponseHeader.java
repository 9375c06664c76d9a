package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 14 QUERY_CONSUMER_OFFSET response.
 */
public record QueryConsumerOffsetResponseHeader(long offset) {

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("offset", offset)
                .build();
    }

    public static QueryConsumerOffsetResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new QueryConsumerOffsetResponseHeader(
                r.requiredLong("offset"));
    }
}
