package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.relaymq.protocol.message.MalformedMessageException;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;

/** QUERY_MESSAGE: index lookup, then each candidate record checked for the topic and the key (hash collisions). */
final class MessageQuery {

    private final CommitLog commitLog;
    private final IndexService index;

    MessageQuery(CommitLog commitLog, IndexService index) {
        this.commitLog = commitLog;
        this.index = index;
    }

    QueryMessageResult query(String topic, String key, int maxNum, long begin, long end) {
        long lastUpdate = index.lastUpdateTimestamp();
        long lastPhy = index.lastUpdatePhyOffset();
        List<ByteBuffer> records = new ArrayList<>();
        for (long phys : index.query(topic, key, Math.max(maxNum, 1) * 2, begin, end)) {
            ByteBuffer record = commitLog.readRecord(phys);
            if (record != null && matches(record, topic, key)) {
                records.add(record);
                if (records.size() >= maxNum) {
                    break;
                }
            }
        }
        return new QueryMessageResult(records, lastUpdate, lastPhy);
    }

    private static boolean matches(ByteBuffer record, String topic, String key) {
        try {
            StoredMessage m = StoredMessageCodec.decode(record.duplicate(), false);
            if (!m.topic().equals(topic)) {
                return false;
            }
            if (key.equals(m.uniqKey())) {
                return true;
            }
            String keys = m.keys();
            return keys != null && Arrays.asList(keys.split(MessageConst.KEY_SEPARATOR)).contains(key);
        } catch (MalformedMessageException e) {
            return false;
        }
    }
}
