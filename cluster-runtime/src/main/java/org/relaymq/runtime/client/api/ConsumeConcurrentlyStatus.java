package org.relaymq.runtime.client.api;

/** What a concurrent listener did with a batch. */
public enum ConsumeConcurrentlyStatus {
    CONSUME_SUCCESS, RECONSUME_LATER
}
