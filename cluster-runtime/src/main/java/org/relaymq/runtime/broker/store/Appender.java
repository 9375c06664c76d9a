package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.relaymq.protocol.message.MalformedMessageException;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * Validates, positions, encodes and appends puts, then dispatches them. Validation and CRCs are computed
 * before taking the lock; the caller holds the store's put lock around {@link #append}.
 */
final class Appender {

    private final MessageStoreConfig config;
    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final Dispatcher dispatcher;
    private final TimeSource time;

    /** A validated put: messages with correct CRCs and their encoded sizes. */
    record Prepared(List<StoredMessage> messages, int[] sizes, int totalSize, boolean waitForFlush) {
    }

    /** An append: its result, the commit-log offset after it, and what was dispatched. */
    record Appended(PutMessageResult result, long endOffset, List<DispatchRequest> dispatched,
                    boolean waitForFlush) {
    }

    Appender(MessageStoreConfig config, CommitLog commitLog, ConsumeQueueTable queues, Dispatcher dispatcher,
             TimeSource time) {
        this.config = config;
        this.commitLog = commitLog;
        this.queues = queues;
        this.dispatcher = dispatcher;
        this.time = time;
    }

    /** Whether a put of these messages waits for SYNC_FLUSH: unless every one has {@code WAIT=false}. */
    static boolean waitsForFlush(List<StoredMessage> messages) {
        for (StoredMessage m : messages) {
            if (!"false".equals(m.property(MessageConst.WAIT_STORE_MSG_OK))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Checks the messages; throws {@link PutRejected} with the status to answer.
     *
     * @param waitForFlush whether a SYNC_FLUSH put waits for the group commit ({@code WAIT})
     */
    Prepared prepare(List<StoredMessage> messages, boolean waitForFlush) {
        if (messages.isEmpty()) {
            throw new PutRejected(PutMessageStatus.MESSAGE_ILLEGAL, "no message to put");
        }
        StoredMessage head = messages.get(0);
        List<StoredMessage> checked = new ArrayList<>(messages.size());
        int[] sizes = new int[messages.size()];
        long total = 0;
        for (int i = 0; i < messages.size(); i++) {
            StoredMessage m = withCrc(messages.get(i));
            if (!m.topic().equals(head.topic()) || m.queueId() != head.queueId()) {
                throw new PutRejected(PutMessageStatus.MESSAGE_ILLEGAL, "a batch must have one topic and queue");
            }
            sizes[i] = checkedSize(m);
            total += sizes[i];
            checked.add(m);
        }
        if (total > Integer.MAX_VALUE || !commitLog.fitsInSegment((int) total)) {
            throw new PutRejected(PutMessageStatus.MESSAGE_ILLEGAL, "batch of " + total
                    + " bytes does not fit a commit-log segment of " + config.commitLogSegmentSize());
        }
        return new Prepared(checked, sizes, (int) total, waitForFlush);
    }

    private static StoredMessage withCrc(StoredMessage m) {
        int crc = StoredMessageCodec.bodyCrc(m.body());
        return crc == m.bodyCrc() ? m : m.toBuilder().bodyCrc(crc).build();
    }

    private int checkedSize(StoredMessage m) {
        if (m.topic().isEmpty()) {
            throw new PutRejected(PutMessageStatus.MESSAGE_ILLEGAL, "topic is empty");
        }
        if (m.queueId() < 0) {
            throw new PutRejected(PutMessageStatus.MESSAGE_ILLEGAL, "queueId " + m.queueId() + " is negative");
        }
        int propsLen = m.properties().getBytes(StandardCharsets.UTF_8).length;
        if (propsLen > StoredMessageCodec.MAX_PROPERTIES_LENGTH) {
            throw new PutRejected(PutMessageStatus.PROPERTIES_SIZE_EXCEEDED, "properties are " + propsLen
                    + " bytes, at most " + StoredMessageCodec.MAX_PROPERTIES_LENGTH);
        }
        int size;
        try {
            size = StoredMessageCodec.encodedSize(m);
        } catch (MalformedMessageException e) {
            throw new PutRejected(PutMessageStatus.MESSAGE_ILLEGAL, e.getMessage());
        }
        if (size > config.maxMessageSize()) {
            throw new PutRejected(PutMessageStatus.MESSAGE_ILLEGAL, "message of " + size + " bytes exceeds "
                    + config.maxMessageSize());
        }
        return size;
    }

    /** Appends and dispatches; the caller holds the put lock. */
    Appended append(Prepared p) {
        List<StoredMessage> msgs = p.messages();
        StoredMessage head = msgs.get(0);
        long storeTs = time.wallMillis();
        long nextQueueOffset = queues.maxOffset(head.topic(), head.queueId());
        List<AppendResult> results = new ArrayList<>(msgs.size());
        long start = commitLog.append(p.totalSize(), phys -> {
            ByteBuffer out = ByteBuffer.allocate(p.totalSize());
            long pos = phys;
            long queueOffset = nextQueueOffset;
            for (int i = 0; i < msgs.size(); i++) {
                StoredMessage m = msgs.get(i);
                boolean consumable = Dispatcher.hasConsumeQueueEntry(m.sysFlag());
                StoredMessage placed = m.withAppendPosition(pos, consumable ? queueOffset : 0, storeTs);
                StoredMessageCodec.encode(placed, out);
                results.add(new AppendResult(pos, p.sizes()[i], placed.queueOffset(), placed.offsetMsgId(), storeTs));
                pos += p.sizes()[i];
                queueOffset += consumable ? 1 : 0;
            }
            return out.flip();
        }, storeTs);
        List<DispatchRequest> dispatched = dispatcher.dispatchAvailable();
        return new Appended(PutMessageResult.ok(results), start + p.totalSize(), dispatched, p.waitForFlush());
    }

    /** A put refused before anything was written. */
    static final class PutRejected extends RuntimeException {
        private final PutMessageStatus status;

        PutRejected(PutMessageStatus status, String reason) {
            super(reason, null, false, false);
            this.status = status;
        }

        PutMessageResult toResult() {
            return PutMessageResult.failed(status, getMessage());
        }
    }
}
