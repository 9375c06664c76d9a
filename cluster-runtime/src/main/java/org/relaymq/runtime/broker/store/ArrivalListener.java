package org.relaymq.runtime.broker.store;

/**
 * Told after each record is dispatched to its ConsumeQueue, on the appending thread, outside the store's
 * locks; must be quick (long polling hands the wake-up to its own executor).
 */
@FunctionalInterface
public interface ArrivalListener {

    /**
     * @param maxOffset      the queue's new max offset (the record's logical offset + 1)
     * @param tagsCode       the record's ConsumeQueue tagsCode
     * @param storeTimestamp the record's store time
     */
    void onArrival(String topic, int queueId, long maxOffset, long tagsCode, long storeTimestamp);
}
