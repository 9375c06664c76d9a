package org.relaymq.runtime.broker.store;

import java.nio.ByteBuffer;
import java.util.List;
import org.relaymq.runtime.broker.store.file.SegmentFile;

/**
 * One index file (protocol.md §7): header, hash slots holding the newest entry number of their chain, and
 * entries {@code keyHash, phyOffset, timeDiff (s), prevIndex}. Entry numbers start at 1. Written by the
 * dispatcher only; queries may run concurrently (the entry is written before its slot and the count).
 */
final class IndexFile {

    private final SegmentFile file;
    private final int hashSlots;
    private final int maxIndexNum;
    private volatile long beginTimestamp;
    private volatile long endTimestamp;
    private volatile long beginPhyOffset;
    private volatile long endPhyOffset;
    private volatile int hashSlotCount;
    private volatile int indexCount = 1;
    private volatile boolean dirty;

    IndexFile(SegmentFile file, int hashSlots, int maxIndexNum) {
        this.file = file;
        this.hashSlots = hashSlots;
        this.maxIndexNum = maxIndexNum;
        ByteBuffer h = file.read(0, IndexLayout.HEADER_SIZE);
        if (h.getInt(36) > 0) {
            beginTimestamp = h.getLong(0);
            endTimestamp = h.getLong(8);
            beginPhyOffset = h.getLong(16);
            endPhyOffset = h.getLong(24);
            hashSlotCount = h.getInt(32);
            indexCount = Math.min(h.getInt(36), maxIndexNum);
        }
    }

    SegmentFile file() {
        return file;
    }

    boolean isFull() {
        return indexCount >= maxIndexNum;
    }

    long beginTimestamp() {
        return beginTimestamp;
    }

    long endTimestamp() {
        return endTimestamp;
    }

    long endPhyOffset() {
        return endPhyOffset;
    }

    static int keyHash(String key) {
        int h = Math.abs(key.hashCode());
        return Math.max(h, 0);
    }

    /** Adds {@code key → phyOffset}; false when the file is full. */
    boolean put(String key, long phyOffset, long storeTimestamp) {
        if (isFull()) {
            return false;
        }
        int hash = keyHash(key);
        int slotPos = IndexLayout.HEADER_SIZE + (hash % hashSlots) * IndexLayout.SLOT_SIZE;
        int count = indexCount;
        int prev = file.read(slotPos, 4).getInt(0);
        if (prev <= 0 || prev >= count) {
            prev = 0;
        }
        if (count == 1) {
            beginTimestamp = storeTimestamp;
            beginPhyOffset = phyOffset;
        }
        long diff = Math.max(0, (storeTimestamp - beginTimestamp) / 1000);
        ByteBuffer entry = ByteBuffer.allocate(IndexLayout.ENTRY_SIZE);
        entry.putInt(hash).putLong(phyOffset).putInt((int) Math.min(diff, Integer.MAX_VALUE)).putInt(prev).flip();
        file.write(entryPosition(count), entry);
        file.write(slotPos, ByteBuffer.allocate(4).putInt(0, count));
        if (prev == 0) {
            hashSlotCount++;
        }
        endTimestamp = storeTimestamp;
        endPhyOffset = phyOffset;
        indexCount = count + 1;
        writeHeader();
        dirty = true;
        return true;
    }

    private int entryPosition(int number) {
        return IndexLayout.HEADER_SIZE + hashSlots * IndexLayout.SLOT_SIZE + number * IndexLayout.ENTRY_SIZE;
    }

    private void writeHeader() {
        ByteBuffer h = ByteBuffer.allocate(IndexLayout.HEADER_SIZE);
        h.putLong(beginTimestamp).putLong(endTimestamp).putLong(beginPhyOffset).putLong(endPhyOffset)
                .putInt(hashSlotCount).putInt(indexCount).flip();
        file.write(0, h);
    }

    /** True when [begin, end] overlaps this file's time range. */
    boolean overlaps(long begin, long end) {
        return indexCount > 1 && begin <= endTimestamp && end >= beginTimestamp - 1000;
    }

    /** Appends physical offsets of entries for {@code key} in the time range, newest first, up to {@code max}. */
    void select(String key, long begin, long end, int max, List<Long> out) {
        int hash = keyHash(key);
        int count = indexCount;
        int number = file.read(IndexLayout.HEADER_SIZE + (hash % hashSlots) * IndexLayout.SLOT_SIZE, 4).getInt(0);
        int steps = 0;
        while (number > 0 && number < count && out.size() < max && steps++ < count) {
            ByteBuffer e = file.read(entryPosition(number), IndexLayout.ENTRY_SIZE);
            long time = beginTimestamp + e.getInt(12) * 1000L;
            if (e.getInt(0) == hash && time >= begin - 999 && time <= end) {
                out.add(e.getLong(4));
            }
            int prev = e.getInt(16);
            if (prev <= 0 || prev >= number) {
                break;
            }
            number = prev;
        }
    }

    /** Forces the file if anything was added since the last flush. */
    void flush() {
        if (dirty) {
            dirty = false;
            file.force();
        }
    }
}
