package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 215 DELETE_TOPIC_IN_BROKER request.
 */
public record DeleteTopicRequestHeader(String topic) {

    public DeleteTopicRequestHeader {
        ExtFields.require(topic, "topic");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("topic", topic)
                .build();
    }

    public static DeleteTopicRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new DeleteTopicRequestHeader(
                r.requiredString("topic"));
    }
}
