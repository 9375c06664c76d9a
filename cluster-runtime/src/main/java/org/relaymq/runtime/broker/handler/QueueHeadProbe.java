package org.relaymq.runtime.broker.handler;

/**
 * The store's answer QUERY_CONSUMER_OFFSET needs for a group without a committed offset: true when the
 * queue's min offset is ≤ 0 and its first message is still "hot" (in memory) — or the queue is empty —
 * so a brand-new group may start at offset 0.
 */
@FunctionalInterface
public interface QueueHeadProbe {

    /** Before a store is wired: never hot, so new groups fall back to their consumeFromWhere. */
    QueueHeadProbe NEVER = (topic, queueId) -> false;

    boolean startsAtZero(String topic, int queueId);
}
