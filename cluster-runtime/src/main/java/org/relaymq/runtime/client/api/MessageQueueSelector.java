package org.relaymq.runtime.client.api;

import java.util.List;
import org.relaymq.protocol.body.MessageQueue;

/** Picks the queue of an ordered send, e.g. by hashing an order id ({@code arg}). */
@FunctionalInterface
public interface MessageQueueSelector {

    MessageQueue select(List<MessageQueue> queues, Message message, Object arg);
}
