package org.relaymq.runtime.broker.ha;

/**
 * One master → slave frame.
 *
 * @param startOffset commit-log offset of the first byte of {@code data} (for a heartbeat: the master's
 *                    next offset to send)
 * @param data        raw commit-log bytes, possibly splitting records; empty for a heartbeat
 */
record TransferFrame(long startOffset, byte[] data) {

    boolean isHeartbeat() {
        return data.length == 0;
    }

    long endOffset() {
        return startOffset + data.length;
    }
}
