package org.relaymq.runtime.client.consumer;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.relaymq.protocol.header.SendMessageRequestHeader;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.MessageProperties;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives a failed message back to the broker (CONSUMER_SEND_MSG_BACK 36); when that fails, sends it itself
 * to {@code %RETRY%<group>} as group CLIENT_INNER_PRODUCER with DELAY = 3 + reconsumeTimes (protocol.md §4.3).
 */
final class RetrySender {

    private static final Logger LOG = LoggerFactory.getLogger(RetrySender.class);

    private final String group;
    private final ClientInstance client;
    private final int maxReconsumeTimes;

    RetrySender(String group, ClientInstance client, int maxReconsumeTimes) {
        this.group = group;
        this.client = client;
        this.maxReconsumeTimes = maxReconsumeTimes;
    }

    /** {@code delayLevel} 0 = broker decides, &lt; 0 = straight to the DLQ. Returns false if nothing worked. */
    boolean sendBack(ReceivedMessage m, int delayLevel) {
        Map<Long, String> addrs = client.routes().brokerAddrs(m.brokerName());
        String addr = addrs.getOrDefault(BrokerData.MASTER_ID, m.storeHost());
        try {
            client.calls().sendBack(addr, new ConsumerSendMsgBackRequestHeader(m.commitLogOffset(), group, delayLevel,
                    m.msgId(), m.topic(), false, maxReconsumeTimes, null));
            return true;
        } catch (ClientException e) {
            LOG.info("send-back of {} to {} failed ({}); sending it to the retry topic", m.msgId(), addr,
                    e.getMessage());
            return sendToRetryTopic(m);
        }
    }

    private boolean sendToRetryTopic(ReceivedMessage m) {
        String retryTopic = SystemTopics.retryTopic(group);
        Optional<TopicRouteData> route = client.routes().cached(retryTopic).or(() -> client.routes().fetch(retryTopic));
        Optional<BrokerData> broker = route.flatMap(r -> r.brokerDatas().stream()
                .filter(b -> b.masterAddr() != null).findFirst());
        if (broker.isEmpty()) {
            return false;
        }
        Map<String, String> props = new LinkedHashMap<>(m.propertyMap());
        props.putIfAbsent(MessageConst.RETRY_TOPIC, m.topic());
        int reconsume = m.reconsumeTimes() + 1;
        props.put(MessageConst.RECONSUME_TIME, Integer.toString(reconsume));
        props.put(MessageConst.MAX_RECONSUME_TIMES, Integer.toString(maxReconsumeTimes));
        props.put(MessageConst.DELAY_TIME_LEVEL, Integer.toString(3 + m.reconsumeTimes()));
        SendMessageRequestHeader h = new SendMessageRequestHeader(ClientInstance.INNER_PRODUCER_GROUP, retryTopic,
                "TBW102", 4, -1, 0, client.time().wallMillis(), m.flag(), MessageProperties.encode(props), reconsume,
                false, maxReconsumeTimes, false, broker.get().brokerName());
        try {
            client.calls().call(broker.get().masterAddr(), RequestCode.SEND_MESSAGE_V2, h.toExtV2(), m.body());
            return true;
        } catch (ClientException e) {
            LOG.warn("could not send {} to {}: {}", m.msgId(), retryTopic, e.getMessage());
            return false;
        }
    }
}
