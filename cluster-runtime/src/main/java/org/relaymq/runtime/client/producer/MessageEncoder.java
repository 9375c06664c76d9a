package org.relaymq.runtime.client.producer;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.header.SendMessageRequestHeader;
import org.relaymq.protocol.message.BatchCodec;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.MessageProperties;
import org.relaymq.protocol.message.SysFlag;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.protocol.message.UniqueKeyGenerator;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.common.time.TimeSource;

/** Turns messages into SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320) requests. */
final class MessageEncoder {

    /** A message ready to send: UNIQ_KEY assigned, body possibly compressed. */
    record Prepared(String topic, byte[] body, int sysFlag, int flag, String properties, String msgId,
                    Integer reconsumeTimes, Integer maxReconsumeTimes, boolean batch) {
    }

    private final UniqueKeyGenerator keys;
    private final TimeSource time;

    MessageEncoder(UniqueKeyGenerator keys, TimeSource time) {
        this.keys = keys;
        this.time = time;
    }

    Prepared prepare(Message m, int compressOver, int maxSize) throws ClientException {
        validate(m, maxSize);
        if (m.property(MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX) == null) {
            m.property(MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX, keys.next());
        }
        byte[] body = m.body();
        int sysFlag = 0;
        if (body.length > compressOver) {
            body = deflate(body);
            sysFlag |= SysFlag.COMPRESSED_FLAG;
        }
        Map<String, String> props = m.properties();
        Integer reconsume = null;
        Integer maxReconsume = null;
        if (SystemTopics.isRetryTopic(m.topic())) {
            reconsume = parseOrNull(props.get(MessageConst.RECONSUME_TIME));
            maxReconsume = parseOrNull(props.get(MessageConst.MAX_RECONSUME_TIMES));
        }
        return new Prepared(m.topic(), body, sysFlag, m.flag(), MessageProperties.encode(props),
                props.get(MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX), reconsume, maxReconsume, false);
    }

    Prepared prepareBatch(List<Message> messages, int maxSize) throws ClientException {
        if (messages.isEmpty()) {
            throw new ClientException(ClientException.LOCAL, "a batch needs at least one message");
        }
        String topic = messages.get(0).topic();
        List<BatchCodec.Entry> entries = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Message m : messages) {
            validate(m, maxSize);
            if (!m.topic().equals(topic)) {
                throw new ClientException(ClientException.LOCAL, "a batch must have one topic: " + topic + " vs "
                        + m.topic());
            }
            if (m.delayTimeLevel() > 0) {
                throw new ClientException(ClientException.LOCAL, "delayed messages cannot be batched");
            }
            if (m.property(MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX) == null) {
                m.property(MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX, keys.next());
            }
            ids.add(m.property(MessageConst.UNIQ_CLIENT_MESSAGE_ID_KEYIDX));
            entries.add(new BatchCodec.Entry(m.flag(), m.body(), MessageProperties.encode(m.properties())));
        }
        byte[] body = BatchCodec.encode(entries);
        if (body.length > maxSize) {
            throw new ClientException(13, "batch of " + body.length + " bytes exceeds " + maxSize);
        }
        String props = MessageProperties.encode(Map.of(MessageConst.WAIT_STORE_MSG_OK, "true"));
        return new Prepared(topic, body, 0, 0, props, String.join(",", ids), null, null, true);
    }

    RemotingCommand request(Prepared p, MessageQueue mq, String group, String defaultTopic, int defaultQueueNums) {
        SendMessageRequestHeader h = new SendMessageRequestHeader(group, p.topic(), defaultTopic, defaultQueueNums,
                mq.queueId(), p.sysFlag(), time.wallMillis(), p.flag(), p.properties(), p.reconsumeTimes() == null
                ? 0 : p.reconsumeTimes(), false, p.maxReconsumeTimes(), p.batch(), mq.brokerName());
        int code = p.batch() ? RequestCode.SEND_BATCH_MESSAGE : RequestCode.SEND_MESSAGE_V2;
        return RemotingCommand.requestTakingExt(code, h.toExtV2(), p.body());
    }

    private static void validate(Message m, int maxSize) throws ClientException {
        if (m.topic().isBlank()) {
            throw new ClientException(13, "the topic is empty");
        }
        if (m.body().length == 0) {
            throw new ClientException(13, "the message body is empty");
        }
        if (m.body().length > maxSize) {
            throw new ClientException(13, "the message body is " + m.body().length + " bytes, more than " + maxSize);
        }
    }

    private static Integer parseOrNull(String v) {
        return v == null ? null : Integer.valueOf(v);
    }

    private static byte[] deflate(byte[] body) {
        Deflater d = new Deflater(5);
        try {
            d.setInput(body);
            d.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 2 + 16);
            byte[] buf = new byte[8192];
            while (!d.finished()) {
                out.write(buf, 0, d.deflate(buf));
            }
            return out.toByteArray();
        } finally {
            d.end();
        }
    }
}
