package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * Result of {@link MessageStore#get}.
 *
 * @param status          §8.2 status
 * @param nextBeginOffset where the consumer continues (filtered-out entries are consumed too)
 * @param minOffset       the queue's min logical offset
 * @param maxOffset       the queue's max logical offset (next to be written)
 * @param messages        one read-only buffer per record (position 0, limit = record size), copied from
 *                        the commit log while its segment could not be unmapped
 * @param queueOffsets    logical offset of each collected record, same order
 * @param maxPhysicalOffsetPulled commit-log offset of the last entry scanned, or -1
 * @param packed          when not null: every record back to back, exactly; {@code messages} are slices of it
 */
public record GetMessageResult(GetMessageStatus status, long nextBeginOffset, long minOffset, long maxOffset,
                               List<ByteBuffer> messages, List<Long> queueOffsets, long maxPhysicalOffsetPulled,
                               byte[] packed) {

    public GetMessageResult {
        Objects.requireNonNull(status, "status");
        messages = List.copyOf(messages);
        queueOffsets = List.copyOf(queueOffsets);
    }

    public GetMessageResult(GetMessageStatus status, long nextBeginOffset, long minOffset, long maxOffset,
                            List<ByteBuffer> messages, List<Long> queueOffsets, long maxPhysicalOffsetPulled) {
        this(status, nextBeginOffset, minOffset, maxOffset, messages, queueOffsets, maxPhysicalOffsetPulled, null);
    }

    public static GetMessageResult empty(GetMessageStatus status, long next, long min, long max) {
        return new GetMessageResult(status, next, min, max, List.of(), List.of(), -1);
    }

    public int messageCount() {
        return messages.size();
    }

    public int bufferTotalSize() {
        int total = 0;
        for (ByteBuffer b : messages) {
            total += b.remaining();
        }
        return total;
    }

    /**
     * All records back to back, as a PULL_MESSAGE body: the packed array itself when there is one (the pull
     * then copied each record exactly once, from the commit log into it; do not modify it), else one copy.
     */
    public byte[] toByteArray() {
        if (packed != null) {
            return packed;
        }
        byte[] out = new byte[bufferTotalSize()];
        int pos = 0;
        for (ByteBuffer b : messages) {
            int n = b.remaining();
            b.duplicate().get(out, pos, n);
            pos += n;
        }
        return out;
    }
}
