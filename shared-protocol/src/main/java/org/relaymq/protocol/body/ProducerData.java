package org.relaymq.protocol.body;

/** A producer group a client belongs to (HEART_BEAT body). */
public record ProducerData(String groupName) {
}
