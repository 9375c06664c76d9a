package org.relaymq.runtime.namesrv;

import java.util.List;
import java.util.Objects;
import org.relaymq.protocol.body.RegisterBrokerBody;
import org.relaymq.protocol.body.TopicConfigSerializeWrapper;

/**
 * A REGISTER_BROKER as the route state needs it: header fields, the decoded body, and the id of the
 * channel it came on (so a closed channel can remove the broker).
 */
public record RegisterRequest(String cluster, String brokerAddr, String brokerName, long brokerId,
                              String haServerAddr, String channelId, TopicConfigSerializeWrapper topicConfig,
                              List<String> filterServerList) {

    public RegisterRequest {
        Objects.requireNonNull(cluster, "cluster");
        Objects.requireNonNull(brokerAddr, "brokerAddr");
        Objects.requireNonNull(brokerName, "brokerName");
        if (brokerId < 0) {
            throw new IllegalArgumentException("brokerId must not be negative: " + brokerId);
        }
        filterServerList = filterServerList == null ? List.of() : List.copyOf(filterServerList);
    }

    public static RegisterRequest of(String cluster, String brokerAddr, String brokerName, long brokerId,
                                     String haServerAddr, String channelId, RegisterBrokerBody body) {
        return body == null
                ? new RegisterRequest(cluster, brokerAddr, brokerName, brokerId, haServerAddr, channelId, null, null)
                : new RegisterRequest(cluster, brokerAddr, brokerName, brokerId, haServerAddr, channelId,
                        body.topicConfigSerializeWrapper(), body.filterServerList());
    }

    public boolean isMaster() {
        return brokerId == 0L;
    }
}
