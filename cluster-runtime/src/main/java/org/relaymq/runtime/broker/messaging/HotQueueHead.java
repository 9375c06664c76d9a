package org.relaymq.runtime.broker.messaging;

import org.relaymq.runtime.broker.handler.QueueHeadProbe;
import org.relaymq.runtime.broker.store.GetMessageResult;
import org.relaymq.runtime.broker.store.GetMessageStatus;
import org.relaymq.runtime.broker.store.MessageFilter;
import org.relaymq.runtime.broker.store.MessageStore;

/**
 * QUERY_CONSUMER_OFFSET's rule for a group without a committed offset (protocol.md §4.3, §8.5): the
 * queue still starts at 0 and its first message is "hot" (fewer than {@code hotDataBytes} commit-log
 * bytes after it, or no message yet), so a new group on a young queue starts at the beginning.
 */
public final class HotQueueHead implements QueueHeadProbe {

    private final MessageStore store;
    private final long hotDataBytes;

    public HotQueueHead(MessageStore store, long hotDataBytes) {
        this.store = store;
        this.hotDataBytes = hotDataBytes;
    }

    @Override
    public boolean startsAtZero(String topic, int queueId) {
        if (store.minOffsetInQueue(topic, queueId) > 0) {
            return false;
        }
        GetMessageResult first = store.get("QUERY_CONSUMER_OFFSET", topic, queueId, 0, 1, 1, MessageFilter.ALL);
        if (first.status() != GetMessageStatus.FOUND || first.maxPhysicalOffsetPulled() < 0) {
            return true;
        }
        return store.commitLogMaxOffset() - first.maxPhysicalOffsetPulled() < hotDataBytes;
    }
}
