package org.relaymq.protocol.body;

import java.util.Set;

/** LOCK_BATCH_MQ (41) response body: the queues now locked by the requesting client. */
public record LockBatchResponseBody(Set<MessageQueue> lockOKMQSet) {

    public LockBatchResponseBody {
        lockOKMQSet = Copies.set(lockOKMQSet);
    }

    public static LockBatchResponseBody decode(byte[] body) {
        return ProtocolJson.decode(body, LockBatchResponseBody.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
