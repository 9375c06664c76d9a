package org.relaymq.protocol.body;

import java.util.List;

/** Body of REGISTER_BROKER (103): the broker's topic config and filter servers (protocol.md §4.4.1). */
public record RegisterBrokerBody(TopicConfigSerializeWrapper topicConfigSerializeWrapper,
                                 List<String> filterServerList) {

    public RegisterBrokerBody {
        filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
    }
}
