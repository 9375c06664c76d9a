package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;

/**
 * Result of {@link MessageStore#queryMessage}: matching records newest first (each a read-only copy of
 * one whole record) and the index's last update, for the QUERY_MESSAGE response header.
 */
public record QueryMessageResult(List<ByteBuffer> records, long indexLastUpdateTimestamp,
                                 long indexLastUpdatePhyOffset) {

    public QueryMessageResult {
        records = List.copyOf(records);
    }

    public boolean isEmpty() {
        return records.isEmpty();
    }

    /** The records decoded (with bodies). */
    public List<StoredMessage> messages() {
        List<StoredMessage> out = new ArrayList<>(records.size());
        for (ByteBuffer b : records) {
            out.add(StoredMessageCodec.decode(b.duplicate()));
        }
        return out;
    }

    /** All records back to back, as a QUERY_MESSAGE body. */
    public byte[] toByteArray() {
        int total = records.stream().mapToInt(ByteBuffer::remaining).sum();
        byte[] out = new byte[total];
        int pos = 0;
        for (ByteBuffer b : records) {
            int n = b.remaining();
            b.duplicate().get(out, pos, n);
            pos += n;
        }
        return out;
    }
}
