package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 203 GET_CONSUMER_CONNECTION_LIST request.
 */
public record GetConsumerConnectionListRequestHeader(String consumerGroup) {

    public GetConsumerConnectionListRequestHeader {
        ExtFields.require(consumerGroup, "consumerGroup");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("consumerGroup", consumerGroup)
                .build();
    }

    public static GetConsumerConnectionListRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new GetConsumerConnectionListRequestHeader(
                r.requiredString("consumerGroup"));
    }
}
