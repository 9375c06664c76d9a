package org.relaymq.protocol.body;

/** Offsets of one queue in a TopicStatsTable. */
public record TopicOffset(long lastUpdateTimestamp, long maxOffset, long minOffset) {
}
