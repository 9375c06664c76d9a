package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.util.List;
import org.relaymq.protocol.message.MalformedMessageException;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the end of the valid commit log after a crash. Segments below the safe point (the checkpoint's
 * flushed offset) are trusted; from the start of the segment holding it every record is validated (size,
 * magic, fields, body CRC, physical offset) and the log is cut right after the last good one: the rest of
 * that segment is zeroed and later segments are deleted, so the next append goes exactly there.
 */
final class CommitLogRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(CommitLogRecovery.class);

    private final CommitLog commitLog;

    CommitLogRecovery(CommitLog commitLog) {
        this.commitLog = commitLog;
    }

    /** Returns the recovered max offset. */
    long recover(long safeOffset) {
        List<Segment> segments = commitLog.segments().snapshot();
        if (segments.isEmpty()) {
            commitLog.setFlushedOffset(0);
            return 0;
        }
        int first = startIndex(segments, safeOffset);
        long end = segments.get(first).start();
        for (int i = first; i < segments.size(); i++) {
            Segment seg = segments.get(i);
            if (seg.start() != end) {
                break;
            }
            int valid = scan(seg);
            end = seg.start() + valid;
            if (valid < seg.capacity()) {
                break;
            }
        }
        long lastStart = segments.get(segments.size() - 1).start();
        if (end < lastStart + segments.get(segments.size() - 1).capacity()
                || end != commitLog.maxOffset()) {
            LOG.info("commit log recovered up to offset {}; truncating the rest", end);
            commitLog.segments().truncate(end);
        }
        commitLog.setFlushedOffset(end);
        return end;
    }

    private static int startIndex(List<Segment> segments, long safeOffset) {
        int index = 0;
        for (int i = 0; i < segments.size(); i++) {
            if (segments.get(i).start() <= safeOffset) {
                index = i;
            }
        }
        return index;
    }

    /** Number of valid bytes at the start of the segment (its capacity when closed by a blank marker). */
    private static int scan(Segment seg) {
        int pos = 0;
        while (pos + StoredMessageCodec.BLANK_MARKER_LENGTH <= seg.capacity()) {
            ByteBuffer head = seg.read(pos, StoredMessageCodec.BLANK_MARKER_LENGTH);
            int size = head.getInt(0);
            if (head.getInt(StoredMessageCodec.MAGIC_CODE_POSITION) == StoredMessageCodec.BLANK_MAGIC_CODE) {
                return size == seg.capacity() - pos ? seg.capacity() : pos;
            }
            if (size < StoredMessageCodec.MIN_RECORD_SIZE || size > seg.capacity() - pos) {
                return pos;
            }
            long offset = seg.start() + pos;
            StoredMessage m = seg.withView(pos, size, record -> validRecord(record, offset));
            if (m == null) {
                return pos;
            }
            seg.noteStoreTimestamp(m.storeTimestamp());
            pos += size;
        }
        return pos;
    }

    private static StoredMessage validRecord(ByteBuffer record, long offset) {
        try {
            StoredMessage m = StoredMessageCodec.decode(record, true);
            if (m.physicalOffset() != offset || StoredMessageCodec.bodyCrc(m.body()) != m.bodyCrc()) {
                return null;
            }
            return m;
        } catch (MalformedMessageException e) {
            return null;
        }
    }
}
