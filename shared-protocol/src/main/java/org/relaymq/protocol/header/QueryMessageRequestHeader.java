package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 12 QUERY_MESSAGE request: messages of {@code topic} indexed under {@code key} in a store-time range.
 *
 * <p>{@code uniqueKeyQuery} is not an Apache header field but the extra ext key {@value #UNIQUE_KEY_QUERY}
 * that the official client always adds ({@code "true"} when {@code key} is a UNIQ_KEY, else
 * {@code "false"}); absent reads as false.
 */
public record QueryMessageRequestHeader(String topic, String key, int maxNum, long beginTimestamp, long endTimestamp,
        boolean uniqueKeyQuery) {

    public static final String UNIQUE_KEY_QUERY = "_UNIQUE_KEY_QUERY";

    public QueryMessageRequestHeader {
        ExtFields.require(topic, "topic");
        ExtFields.require(key, "key");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("topic", topic)
                .put("key", key)
                .put("maxNum", maxNum)
                .put("beginTimestamp", beginTimestamp)
                .put("endTimestamp", endTimestamp)
                .put(UNIQUE_KEY_QUERY, uniqueKeyQuery)
                .build();
    }

    public static QueryMessageRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new QueryMessageRequestHeader(
                r.requiredString("topic"),
                r.requiredString("key"),
                r.requiredInt("maxNum"),
                r.requiredLong("beginTimestamp"),
                r.requiredLong("endTimestamp"),
                r.booleanOr(UNIQUE_KEY_QUERY, false));
    }
}
