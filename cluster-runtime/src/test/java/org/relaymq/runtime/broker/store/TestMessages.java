package org.relaymq.runtime.broker.store;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.MessageProperties;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;

/** Messages as the broker would hand them to the store. */
final class TestMessages {

    static final InetSocketAddress BORN_HOST = host(new byte[] {10, 0, 0, 7}, 50123);
    static final InetSocketAddress STORE_HOST = host(new byte[] {(byte) 192, (byte) 168, 0, 10}, 10911);

    private TestMessages() {
    }

    private static InetSocketAddress host(byte[] ip, int port) {
        try {
            return new InetSocketAddress(InetAddress.getByAddress(ip), port);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    static StoredMessage message(String topic, int queueId, String body) {
        return message(topic, queueId, body, null, null, null);
    }

    static StoredMessage tagged(String topic, int queueId, String body, String tags) {
        return message(topic, queueId, body, tags, null, null);
    }

    static StoredMessage message(String topic, int queueId, String body, String tags, String keys, String uniqKey) {
        Map<String, String> props = new LinkedHashMap<>();
        if (tags != null) {
            props.put(MessageConst.TAGS, tags);
        }
        if (keys != null) {
            props.put(MessageConst.KEYS, keys);
        }
        if (uniqKey != null) {
            props.put(MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX, uniqKey);
        }
        return withProperties(topic, queueId, body, props);
    }

    static StoredMessage withProperties(String topic, int queueId, String body, Map<String, String> props) {
        return StoredMessage.builder().topic(topic).queueId(queueId).body(body.getBytes(StandardCharsets.UTF_8))
                .properties(MessageProperties.encode(props)).bornTimestamp(1_600_000_000_000L)
                .bornHost(BORN_HOST).storeHost(STORE_HOST).build();
    }

    static String body(StoredMessage m) {
        return new String(m.body(), StandardCharsets.UTF_8);
    }

    static List<StoredMessage> decode(GetMessageResult r) {
        List<StoredMessage> out = new ArrayList<>();
        for (ByteBuffer b : r.messages()) {
            out.add(StoredMessageCodec.decode(b.duplicate()));
        }
        return out;
    }

    /** Pulls a whole queue from its min offset and returns the bodies. */
    static List<String> drain(MessageStore store, String topic, int queueId) {
        List<String> out = new ArrayList<>();
        long offset = store.minOffsetInQueue(topic, queueId);
        while (offset < store.maxOffsetInQueue(topic, queueId)) {
            GetMessageResult r = store.get("g", topic, queueId, offset, 32, Integer.MAX_VALUE, MessageFilter.ALL);
            out.addAll(bodies(r));
            if (r.nextBeginOffset() <= offset) {
                throw new IllegalStateException("no progress at " + offset + ": " + r.status());
            }
            offset = r.nextBeginOffset();
        }
        return out;
    }

    static List<String> bodies(GetMessageResult r) {
        return decode(r).stream().map(TestMessages::body).toList();
    }
}
