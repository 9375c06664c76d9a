package org.relaymq.runtime.client.api;

import java.util.Map;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.MessageProperties;

/**
 * A consumed message (Apache's {@code MessageExt} in spirit). {@code topic} is the original topic also
 * for redelivered messages that arrived through {@code %RETRY%<group>}; {@code body} is decompressed.
 *
 * @param msgId the producer's {@code UNIQ_KEY} (or the offset id when absent)
 */
public record ReceivedMessage(String topic, String brokerName, int queueId, long queueOffset, long commitLogOffset,
                              String msgId, String offsetMsgId, int flag, int reconsumeTimes, long bornTimestamp,
                              long storeTimestamp, String storeHost, byte[] body, String properties) {

    public MessageQueue queue() {
        return new MessageQueue(brokerName, queueId, topic);
    }

    public String tags() {
        return property(MessageConst.TAGS);
    }

    public String keys() {
        return property(MessageConst.KEYS);
    }

    public String property(String name) {
        return MessageProperties.get(properties, name);
    }

    public Map<String, String> propertyMap() {
        return MessageProperties.parseUnmodifiable(properties);
    }

    @Override
    public String toString() {
        return "ReceivedMessage[" + topic + "@" + brokerName + ":" + queueId + "#" + queueOffset + ", msgId=" + msgId
                + ", reconsumeTimes=" + reconsumeTimes + "]";
    }
}
