package org.relaymq.runtime.broker.messaging;

import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * The pools the message handlers run on; the composition root creates them (bounded, named, rejecting →
 * SYSTEM_BUSY) and closes them after {@link MessagingServices#close()}.
 *
 * @param send   SEND_MESSAGE / V2 / BATCH and CONSUMER_SEND_MSG_BACK (appends)
 * @param pull   PULL_MESSAGE, and the re-execution of held pulls
 * @param query  offsets and QUERY_MESSAGE / VIEW_MESSAGE_BY_ID
 * @param admin  runtime info, topic and consume stats, DELETE_TOPIC_IN_BROKER
 * @param delay  the delay service's deliveries (one thread is enough)
 */
public record MessagingExecutors(ExecutorService send, ExecutorService pull, ExecutorService query,
                                 ExecutorService admin, ExecutorService delay) {

    public MessagingExecutors {
        Objects.requireNonNull(send, "send");
        Objects.requireNonNull(pull, "pull");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(admin, "admin");
        Objects.requireNonNull(delay, "delay");
    }
}
