package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.relaymq.protocol.message.SysFlag;

/** The read side of the consume queues: pulls (§8.2 steps 4–5) and time lookups. Thread-safe, lock-free. */
final class QueueReader {

    /** Max bytes of ConsumeQueue scanned per pull: max(16000, maxMsgNums × 20). */
    private static final int MIN_FILTER_SCAN_BYTES = 16000;
    private static final int STORE_TIMESTAMP_BASE = 48;

    private final CommitLog commitLog;
    private final ConsumeQueueTable queues;

    QueueReader(CommitLog commitLog, ConsumeQueueTable queues) {
        this.commitLog = commitLog;
        this.queues = queues;
    }

    GetMessageResult get(String topic, int queueId, long offset, int maxMsgNums, int maxBytes,
                         MessageFilter filter) {
        ConsumeQueue cq = queues.find(topic, queueId);
        if (cq == null) {
            return GetMessageResult.empty(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE, 0, 0, 0);
        }
        long min = cq.minOffset();
        long max = cq.maxOffset();
        if (max == 0) {
            return GetMessageResult.empty(GetMessageStatus.NO_MESSAGE_IN_QUEUE, 0, min, max);
        } else if (offset < min) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_TOO_SMALL, min, min, max);
        } else if (offset == max) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_OVERFLOW_ONE, offset, min, max);
        } else if (offset > max) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_OVERFLOW_BADLY, max, min, max);
        }
        int scanLimit = (int) Math.min(Integer.MAX_VALUE,
                Math.max(MIN_FILTER_SCAN_BYTES, (long) maxMsgNums * CqEntry.SIZE));
        ByteBuffer entries = cq.readFrom(offset, scanLimit);
        if (entries == null) {
            return GetMessageResult.empty(GetMessageStatus.OFFSET_FOUND_NULL, cq.nextFileStart(offset), min, max);
        }
        return scan(entries, offset, min, max, maxMsgNums, maxBytes, filter == null ? MessageFilter.ALL : filter);
    }

    /**
     * Scans {@code entries} (a copy, at most the scan limit) in two passes: the ConsumeQueue entries alone
     * choose the candidates (tags code, batch limits), then each candidate record is copied once, straight
     * from the commit log into one body array sized for them all, and checked by the record filter there.
     */
    private GetMessageResult scan(ByteBuffer entries, long offset, long min, long max, int maxMsgNums,
                                  int maxBytes, MessageFilter filter) {
        Candidates c = new Candidates();
        int i = 0;
        for (; i + CqEntry.SIZE <= entries.limit(); i += CqEntry.SIZE) {
            long phys = entries.getLong(i);
            int size = entries.getInt(i + 8);
            c.maxPhysical = phys;
            if (size <= 0) {
                continue;
            }
            if (isBatchFull(size, maxMsgNums, maxBytes, c.count, c.bytes)) {
                break;
            }
            if (filter.matchesTagsCode(entries.getLong(i + 12))) {
                c.add(phys, size, offset + i / CqEntry.SIZE);
            }
        }
        return copy(c, offset + i / CqEntry.SIZE, min, max, filter);
    }

    private GetMessageResult copy(Candidates c, long next, long min, long max, MessageFilter filter) {
        GetMessageStatus status = GetMessageStatus.NO_MATCHED_MESSAGE;
        byte[] body = new byte[(int) Math.min(Integer.MAX_VALUE, c.bytes)];
        List<Long> offsets = new ArrayList<>(c.count);
        List<int[]> spans = new ArrayList<>(c.count);
        long skipBelow = Long.MIN_VALUE;
        int len = 0;
        for (int k = 0; k < c.count; k++) {
            long phys = c.phys[k];
            int size = c.sizes[k];
            if (phys < skipBelow) {
                continue;
            }
            if (!commitLog.copyInto(phys, size, body, len)) {
                if (offsets.isEmpty()) {
                    status = GetMessageStatus.MESSAGE_WAS_REMOVING;
                }
                skipBelow = commitLog.rollNextFile(phys);
                continue;
            }
            if (!filter.matchesRecord(ByteBuffer.wrap(body, len, size).slice().asReadOnlyBuffer())) {
                continue;
            }
            spans.add(new int[] {len, size});
            offsets.add(c.queueOffsets[k]);
            len += size;
            status = GetMessageStatus.FOUND;
        }
        byte[] packed = len == body.length ? body : Arrays.copyOf(body, len); // shorter only when records dropped out
        List<ByteBuffer> found = new ArrayList<>(spans.size());
        for (int[] span : spans) {
            found.add(ByteBuffer.wrap(packed, span[0], span[1]).slice().asReadOnlyBuffer());
        }
        return new GetMessageResult(status, next, min, max, found, offsets, c.maxPhysical, packed);
    }

    /** The records a pull may return, as chosen from the ConsumeQueue alone. */
    private static final class Candidates {
        long[] phys = new long[16];
        int[] sizes = new int[16];
        long[] queueOffsets = new long[16];
        int count;
        long bytes;
        long maxPhysical = -1;

        void add(long physical, int size, long queueOffset) {
            if (count == phys.length) {
                phys = Arrays.copyOf(phys, count * 2);
                sizes = Arrays.copyOf(sizes, count * 2);
                queueOffsets = Arrays.copyOf(queueOffsets, count * 2);
            }
            phys[count] = physical;
            sizes[count] = size;
            queueOffsets[count] = queueOffset;
            count++;
            bytes += size;
        }
    }

    private static boolean isBatchFull(int size, int maxMsgNums, int maxBytes, int count, long bytes) {
        if (count == 0) {
            return false;
        }
        return count >= maxMsgNums || bytes + size > maxBytes;
    }

    /** Store time of the record behind a ConsumeQueue entry, or -1. */
    long storeTime(CqEntry e) {
        if (e == null || !e.isValid()) {
            return -1;
        }
        ByteBuffer head = commitLog.read(e.physicalOffset(), Math.min(e.size(), STORE_TIMESTAMP_BASE + 28));
        if (head == null || head.limit() < STORE_TIMESTAMP_BASE + 28) {
            return -1;
        }
        int sysFlag = head.getInt(36);
        return head.getLong(STORE_TIMESTAMP_BASE + SysFlag.bornHostLength(sysFlag));
    }

    long storeTime(String topic, int queueId, long logical) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? -1 : storeTime(cq.entry(logical));
    }

    long earliestTime(String topic, int queueId) {
        ConsumeQueue cq = queues.find(topic, queueId);
        return cq == null ? -1 : storeTime(cq.entry(cq.minOffset()));
    }

    /**
     * 4.x SEARCH_OFFSET_BY_TIMESTAMP: binary search by store time; an equal entry wins, else the closer of
     * the two neighbours (the only one when the time is outside the queue's range). 0 when empty.
     */
    long offsetByTime(String topic, int queueId, long timestamp) {
        ConsumeQueue cq = queues.find(topic, queueId);
        if (cq == null || cq.maxOffset() <= cq.minOffset()) {
            return 0;
        }
        long low = cq.minOffset();
        long high = cq.maxOffset() - 1;
        long left = -1;
        long right = -1;
        long leftTime = -1;
        long rightTime = -1;
        while (low <= high) {
            long mid = (low + high) >>> 1;
            CqEntry e = cq.entry(mid);
            long t = e == null || e.physicalOffset() < commitLog.minOffset() ? -1 : storeTime(e);
            if (t < 0) {
                low = mid + 1;
                left = mid;
            } else if (t == timestamp) {
                return mid;
            } else if (t > timestamp) {
                high = mid - 1;
                right = mid;
                rightTime = t;
            } else {
                low = mid + 1;
                left = mid;
                leftTime = t;
            }
        }
        if (leftTime < 0) {
            return right >= 0 ? right : Math.max(left, 0);
        }
        if (rightTime < 0) {
            return left;
        }
        return Math.abs(timestamp - leftTime) > Math.abs(timestamp - rightTime) ? right : left;
    }
}
