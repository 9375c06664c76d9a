package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.relaymq.protocol.message.DelayLevels;
import org.relaymq.protocol.message.MalformedMessageException;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.protocol.message.SysFlag;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.runtime.broker.store.file.SegmentClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "reput" step: reads commit-log records from the last dispatched offset up to the committed end and
 * writes their ConsumeQueue and index entries. Runs on the appending thread under the store's put lock
 * (and during recovery), so a record is visible to pulls as soon as its put returns. Only whole records
 * are dispatched; a partly replicated one waits for the rest of its bytes.
 */
final class Dispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;
    private final IndexService index;
    private final DelayLevels delayLevels;
    private volatile long dispatchedOffset;

    /** @param delayLevels the broker's {@code messageDelayLevel}, which delivery uses too */
    Dispatcher(CommitLog commitLog, ConsumeQueueTable queues, IndexService index, DelayLevels delayLevels) {
        this.commitLog = commitLog;
        this.queues = queues;
        this.index = index;
        this.delayLevels = delayLevels;
    }

    long dispatchedOffset() {
        return dispatchedOffset;
    }

    void resetTo(long offset) {
        dispatchedOffset = offset;
    }

    /** Dispatches every complete record after the dispatched offset; returns what it dispatched. */
    List<DispatchRequest> dispatchAvailable() {
        List<DispatchRequest> done = new ArrayList<>();
        long max = commitLog.maxOffset();
        while (dispatchedOffset < max) {
            Segment seg = commitLog.segments().find(dispatchedOffset);
            if (seg == null) {
                dispatchedOffset = commitLog.minOffset();
                if (dispatchedOffset >= max || commitLog.segments().find(dispatchedOffset) == null) {
                    break;
                }
                continue;
            }
            int pos = (int) (dispatchedOffset - seg.start());
            int available = seg.committed() - pos;
            if (available < StoredMessageCodec.BLANK_MARKER_LENGTH) {
                break;
            }
            long at = dispatchedOffset;
            DispatchRequest r;
            try {
                ByteBuffer head = seg.read(pos, StoredMessageCodec.BLANK_MARKER_LENGTH);
                if (head.getInt(StoredMessageCodec.MAGIC_CODE_POSITION) == StoredMessageCodec.BLANK_MAGIC_CODE) {
                    dispatchedOffset = seg.end();
                    continue;
                }
                int size = head.getInt(0);
                if (size > available) {
                    break;
                }
                r = seg.withView(pos, size, record -> decode(record, at));
            } catch (SegmentClosedException e) {
                // retention deleted it (after taking it off the list): the next round restarts at the min offset
                LOG.debug("commit-log segment {} deleted while dispatching", seg.start());
                break;
            }
            if (r == null) {
                break;
            }
            apply(r, seg);
            done.add(r);
            dispatchedOffset += r.size();
        }
        return done;
    }

    private DispatchRequest decode(ByteBuffer record, long offset) {
        try {
            StoredMessage m = StoredMessageCodec.decode(record, false);
            return new DispatchRequest(m.topic(), m.queueId(), offset, record.position(), tagsCode(m),
                    m.storeTimestamp(), m.queueOffset(), m.sysFlag(), m.keys(), m.uniqKey());
        } catch (MalformedMessageException e) {
            LOG.error("commit log record at {} cannot be dispatched: {}", offset, e.getMessage());
            return null;
        }
    }

    /** §6.3: delayed messages carry their delivery time as tagsCode; others the tag hash (§6.4). */
    private long tagsCode(StoredMessage m) {
        if (SystemTopics.SCHEDULE_TOPIC.equals(m.topic())) {
            String level = m.property(MessageConst.DELAY_TIME_LEVEL);
            if (level != null) {
                try {
                    return delayLevels.deliverTimestamp(m.storeTimestamp(), Integer.parseInt(level.trim()));
                } catch (NumberFormatException e) {
                    LOG.warn("delayed message at {} has DELAY '{}'", m.physicalOffset(), level);
                }
            }
            return m.storeTimestamp();
        }
        return m.tagsCode();
    }

    private void apply(DispatchRequest r, Segment seg) {
        seg.noteStoreTimestamp(r.storeTimestamp());
        if (hasConsumeQueueEntry(r.sysFlag())) {
            queues.findOrCreate(r.topic(), r.queueId())
                    .put(r.queueOffset(), new CqEntry(r.physicalOffset(), r.size(), r.tagsCode()));
        }
        index.index(r);
    }

    /** Prepared and rolled-back transaction records are not consumable: no ConsumeQueue entry. */
    static boolean hasConsumeQueueEntry(int sysFlag) {
        int tx = SysFlag.transactionValue(sysFlag);
        return tx == SysFlag.TRANSACTION_NOT_TYPE || tx == SysFlag.TRANSACTION_COMMIT_TYPE;
    }
}
