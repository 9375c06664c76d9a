package org.relaymq.runtime.broker.ha;

/**
 * The slave's view of its link to the master.
 *
 * @param masterAddress     master HA address "host:port"
 * @param connected         the TCP connection is up
 * @param slaveOffset       the slave store's commit-log max offset
 * @param knownMasterOffset highest offset the master has told about (end of the last frame, or a heartbeat's
 *                          offset); -1 before the first frame
 * @param bytesReceived     data bytes received on this link
 * @param connectedNanos    monotonic time the link came up (or the attempt started)
 * @param lastReportNanos   monotonic time the last offset report was written
 * @param lastReadNanos     monotonic time the last frame arrived
 */
public record MasterLinkSnapshot(String masterAddress, boolean connected, long slaveOffset, long knownMasterOffset,
                                 long bytesReceived, long connectedNanos, long lastReportNanos,
                                 long lastReadNanos) {

    /** Bytes received from the master but not appended yet (0 before the first frame). */
    public long lagBytes() {
        return knownMasterOffset < 0 ? 0 : Math.max(0, knownMasterOffset - slaveOffset);
    }
}
