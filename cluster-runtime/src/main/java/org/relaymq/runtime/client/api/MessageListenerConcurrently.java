package org.relaymq.runtime.client.api;

import java.util.List;
import org.relaymq.protocol.body.MessageQueue;

/** Consumes messages on many threads at once. Exceptions count as {@code RECONSUME_LATER}. */
@FunctionalInterface
public interface MessageListenerConcurrently {

    ConsumeConcurrentlyStatus consume(List<ReceivedMessage> messages, MessageQueue queue);
}
