package org.relaymq.protocol.body;

/**
 * Where a consumer group without a stored offset starts. Written by name; the deprecated values are still
 * sent by old clients.
 */
public enum ConsumeFromWhere {
    CONSUME_FROM_LAST_OFFSET, CONSUME_FROM_LAST_OFFSET_AND_FROM_MIN_WHEN_BOOT_FIRST, CONSUME_FROM_MIN_OFFSET,
    CONSUME_FROM_MAX_OFFSET, CONSUME_FROM_FIRST_OFFSET, CONSUME_FROM_TIMESTAMP
}
