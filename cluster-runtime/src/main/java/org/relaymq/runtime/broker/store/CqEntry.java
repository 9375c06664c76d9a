package org.relaymq.runtime.broker.store;

/** One 20-byte ConsumeQueue entry: commit-log offset, record size, tagsCode (or delivery time). */
record CqEntry(long physicalOffset, int size, long tagsCode) {

    static final int SIZE = 20;

    boolean isValid() {
        return physicalOffset >= 0 && size > 0;
    }
}
