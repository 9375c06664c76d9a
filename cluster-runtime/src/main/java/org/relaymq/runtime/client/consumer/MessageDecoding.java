package org.relaymq.runtime.client.consumer;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.relaymq.protocol.body.SubscriptionData;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.message.SysFlag;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.runtime.client.api.ReceivedMessage;

/** Pull body → messages: decode records, re-filter by tag, decompress, restore the topic of retries. */
final class MessageDecoding {

    private MessageDecoding() {
    }

    static List<ReceivedMessage> decode(byte[] body, String brokerName, SubscriptionData sub) {
        List<StoredMessage> stored = StoredMessageCodec.decodeAll(ByteBuffer.wrap(body));
        List<ReceivedMessage> out = new ArrayList<>(stored.size());
        HostNames hosts = new HostNames();
        for (StoredMessage m : stored) {
            if (sub != null && !sub.subscribesAll() && !sub.tagsSet().contains(m.tags())) {
                continue;
            }
            out.add(toReceived(m, brokerName, hosts));
        }
        return out;
    }

    /** "ip:port" of the store hosts met in one pull body (nearly always one), formatted once each. */
    private static final class HostNames {
        private InetSocketAddress last;
        private String lastText;

        String of(InetSocketAddress host) {
            if (!host.equals(last)) {
                last = host;
                lastText = host.getAddress().getHostAddress() + ":" + host.getPort();
            }
            return lastText;
        }
    }

    private static ReceivedMessage toReceived(StoredMessage m, String brokerName, HostNames hosts) {
        String topic = m.topic();
        String retryOf = m.property(MessageConst.RETRY_TOPIC);
        if (retryOf != null && SystemTopics.isRetryTopic(topic)) {
            topic = retryOf;
        }
        byte[] body = SysFlag.isCompressed(m.sysFlag()) ? inflate(m.body()) : m.body();
        String uniq = m.uniqKey();
        String offsetId = m.offsetMsgId();
        String storeHost = hosts.of(m.storeHost());
        return new ReceivedMessage(topic, brokerName, m.queueId(), m.queueOffset(), m.physicalOffset(),
                uniq != null ? uniq : offsetId, offsetId, m.flag(), m.reconsumeTimes(), m.bornTimestamp(),
                m.storeTimestamp(), storeHost, body, m.properties());
    }

    private static byte[] inflate(byte[] data) {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 2);
            byte[] buf = new byte[8192];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break;
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return data;
        } finally {
            inflater.end();
        }
    }
}
