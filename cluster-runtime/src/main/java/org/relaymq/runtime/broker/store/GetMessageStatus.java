package org.relaymq.runtime.broker.store;

/** Internal pull status of protocol.md §8.2 step 5. */
public enum GetMessageStatus {
    /** At least one record collected. */
    FOUND,
    /** Entries were scanned but none matched the filter. */
    NO_MATCHED_MESSAGE,
    /** The first entry's commit-log record has already been deleted by retention. */
    MESSAGE_WAS_REMOVING,
    /** The queue exists but has never had a message (max offset 0). */
    NO_MESSAGE_IN_QUEUE,
    /** No ConsumeQueue for this topic/queue. */
    NO_MATCHED_LOGIC_QUEUE,
    /** Requested offset below the queue's min offset. */
    OFFSET_TOO_SMALL,
    /** Requested offset equals the max offset (caught up; long-poll candidate). */
    OFFSET_OVERFLOW_ONE,
    /** Requested offset above the max offset. */
    OFFSET_OVERFLOW_BADLY,
    /** The ConsumeQueue file for the offset is missing; nextBeginOffset is the start of the next file. */
    OFFSET_FOUND_NULL
}
