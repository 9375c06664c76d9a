package org.relaymq.runtime.broker.store;

/**
 * Where one record landed.
 *
 * @param physicalOffset commit-log offset of the record
 * @param size           encoded record size in bytes
 * @param queueOffset    logical offset in its ConsumeQueue (0 for prepared/rollback transaction records)
 * @param offsetMsgId    the broker's offset message id (§5.3)
 * @param storeTimestamp the store's wall clock at append
 */
public record AppendResult(long physicalOffset, int size, long queueOffset, String offsetMsgId,
                           long storeTimestamp) {

    /** The commit-log offset just after this record. */
    public long nextPhysicalOffset() {
        return physicalOffset + size;
    }
}
