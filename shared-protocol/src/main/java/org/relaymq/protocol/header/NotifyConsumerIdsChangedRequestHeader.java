package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 40 NOTIFY_CONSUMER_IDS_CHANGED request (broker → consumer, oneway).
 */
public record NotifyConsumerIdsChangedRequestHeader(String consumerGroup) {

    public NotifyConsumerIdsChangedRequestHeader {
        ExtFields.require(consumerGroup, "consumerGroup");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("consumerGroup", consumerGroup)
                .build();
    }

    public static NotifyConsumerIdsChangedRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new NotifyConsumerIdsChangedRequestHeader(
                r.requiredString("consumerGroup"));
    }
}
