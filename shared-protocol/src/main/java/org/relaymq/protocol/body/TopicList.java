package org.relaymq.protocol.body;

import java.util.Set;

/** Topic names (GET_ALL_TOPIC_LIST_FROM_NAMESERVER and friends); {@code brokerAddr} only for system lists. */
public record TopicList(String brokerAddr, Set<String> topicList) {

    public TopicList {
        topicList = Copies.set(topicList);
    }

    public static TopicList of(Set<String> topics) {
        return new TopicList(null, topics);
    }

    public static TopicList decode(byte[] body) {
        return ProtocolJson.decode(body, TopicList.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
