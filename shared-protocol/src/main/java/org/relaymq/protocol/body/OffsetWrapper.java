package org.relaymq.protocol.body;

/** Broker and consumer offsets of one queue in ConsumeStats (4.9.x shape; 5.x's pullOffset is ignored). */
public record OffsetWrapper(long brokerOffset, long consumerOffset, long lastTimestamp) {
}
