package org.relaymq.runtime.client.consumer;

import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.internal.BrokerCalls;
import org.relaymq.runtime.client.internal.RouteService;

/**
 * Where consumption of a newly assigned queue starts (protocol.md §8.5): the stored offset, else by
 * {@code consumeFromWhere} — last (GET_MAX_OFFSET; 0 for retry topics), first (0) or timestamp (SEARCH_OFFSET).
 */
final class StartOffsets {

    private final BrokerCalls calls;
    private final RouteService routes;

    StartOffsets(BrokerCalls calls, RouteService routes) {
        this.calls = calls;
        this.routes = routes;
    }

    long compute(MessageQueue mq, OffsetStore store, ConsumeFromWhere where, long timestampMillis)
            throws ClientException {
        long stored;
        try {
            stored = store.readStored(mq);
        } catch (ClientException e) {
            stored = -1;
        }
        if (stored >= 0) {
            return stored;
        }
        return switch (where) {
            case CONSUME_FROM_FIRST_OFFSET -> 0;
            case CONSUME_FROM_TIMESTAMP -> SystemTopics.isRetryTopic(mq.topic())
                    ? calls.maxOffset(master(mq), mq) : calls.searchOffset(master(mq), mq, timestampMillis);
            default -> SystemTopics.isRetryTopic(mq.topic()) ? 0 : calls.maxOffset(master(mq), mq);
        };
    }

    private String master(MessageQueue mq) throws ClientException {
        String addr = routes.masterAddr(mq.brokerName());
        if (addr == null) {
            throw new ClientException(ClientException.LOCAL, "no master for " + mq.brokerName()
                    + ": a new group cannot initialise " + mq + " while its master is down");
        }
        return addr;
    }
}
