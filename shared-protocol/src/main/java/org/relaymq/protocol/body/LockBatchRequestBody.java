package org.relaymq.protocol.body;

import java.util.Set;

/** LOCK_BATCH_MQ (41) / UNLOCK_BATCH_MQ (42) request body; {@code onlyThisBroker} is 5.x only. */
public record LockBatchRequestBody(String clientId, String consumerGroup, Set<MessageQueue> mqSet, boolean onlyThisBroker) {

    public LockBatchRequestBody {
        mqSet = Copies.set(mqSet);
    }

    public static LockBatchRequestBody decode(byte[] body) {
        return ProtocolJson.decode(body, LockBatchRequestBody.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
