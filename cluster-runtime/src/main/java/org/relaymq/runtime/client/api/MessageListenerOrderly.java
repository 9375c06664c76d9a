package org.relaymq.runtime.client.api;

import java.util.List;
import org.relaymq.protocol.body.MessageQueue;

/** Consumes each queue on one thread at a time, in queue order. Exceptions count as a suspend. */
@FunctionalInterface
public interface MessageListenerOrderly {

    ConsumeOrderlyStatus consume(List<ReceivedMessage> messages, MessageQueue queue);
}
