package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 38 GET_CONSUMER_LIST_BY_GROUP request.
 */
public record GetConsumerListByGroupRequestHeader(String consumerGroup) {

    public GetConsumerListByGroupRequestHeader {
        ExtFields.require(consumerGroup, "consumerGroup");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("consumerGroup", consumerGroup)
                .build();
    }

    public static GetConsumerListByGroupRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetConsumerListByGroupRequestHeader(
                r.requiredString("consumerGroup"));
    }
}
