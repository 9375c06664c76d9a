package org.relaymq.runtime.client.consumer;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.runtime.client.api.ClientException;

/** Consumer offsets: in memory, persisted to the broker (clustering) or to a local file (broadcasting). */
abstract class OffsetStore {

    protected final Map<MessageQueue, Long> table = new ConcurrentHashMap<>();

    /** The in-memory offset, or -1. */
    long memory(MessageQueue mq) {
        return table.getOrDefault(mq, -1L);
    }

    /** The persisted offset (broker or file), or -1 when there is none. */
    abstract long readStored(MessageQueue mq) throws ClientException;

    void update(MessageQueue mq, long offset, boolean increaseOnly) {
        table.merge(mq, offset, (old, fresh) -> increaseOnly ? Math.max(old, fresh) : fresh);
    }

    void remove(MessageQueue mq) {
        table.remove(mq);
    }

    /** Persists the offsets of {@code owned}; {@code sync} waits for the broker's answer. */
    abstract void persist(Collection<MessageQueue> owned, boolean sync);

    Map<MessageQueue, Long> snapshot() {
        return Map.copyOf(table);
    }
}
