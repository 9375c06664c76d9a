package org.relaymq.protocol.body;

import java.util.Map;

/** A broker's whole topic table with its version (REGISTER_BROKER body part, GET_ALL_TOPIC_CONFIG body). */
public record TopicConfigSerializeWrapper(Map<String, TopicConfig> topicConfigTable, DataVersion dataVersion) {

    public TopicConfigSerializeWrapper {
        topicConfigTable = topicConfigTable == null ? Map.of() : Map.copyOf(topicConfigTable);
    }

    public static TopicConfigSerializeWrapper decode(byte[] body) {
        return ProtocolJson.decode(body, TopicConfigSerializeWrapper.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
