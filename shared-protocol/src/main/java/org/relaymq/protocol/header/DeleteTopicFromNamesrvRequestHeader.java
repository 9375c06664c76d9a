package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 216 DELETE_TOPIC_IN_NAMESRV request; with {@code clusterName} only that cluster's queue data is removed.
 */
public record DeleteTopicFromNamesrvRequestHeader(String topic, String clusterName) {

    public DeleteTopicFromNamesrvRequestHeader {
        ExtFields.require(topic, "topic");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("topic", topic)
                .put("clusterName", clusterName)
                .build();
    }

    public static DeleteTopicFromNamesrvRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new DeleteTopicFromNamesrvRequestHeader(
                r.requiredString("topic"),
                r.optionalString("clusterName"));
    }
}
