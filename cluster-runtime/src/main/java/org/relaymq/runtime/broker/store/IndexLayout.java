package org.relaymq.runtime.broker.store;

/** Byte layout of an index file (protocol.md §7): 40-byte header, int32 hash slots, 20-byte entries. */
final class IndexLayout {

    static final int HEADER_SIZE = 40;
    static final int SLOT_SIZE = 4;
    static final int ENTRY_SIZE = 20;

    private IndexLayout() {
    }

    /** Entry numbers start at 1; the file reserves room for entry 0 as RocketMQ does. */
    static long fileSize(int hashSlots, int indexNum) {
        return HEADER_SIZE + (long) hashSlots * SLOT_SIZE + (long) indexNum * ENTRY_SIZE;
    }
}
