package org.relaymq.runtime.broker.ha;

/**
 * One slave connection as the master sees it.
 *
 * @param slaveAddress   remote "host:port" of the slave's HA connection
 * @param startOffset    where streaming started (-1 before the first report)
 * @param ackOffset      the slave's last reported max offset (-1 before the first report)
 * @param sentOffset     offset the master will send next
 * @param masterOffset   master commit-log max offset when the snapshot was taken
 * @param bytesSent      data bytes sent on this connection
 * @param connectedNanos monotonic time the connection was accepted
 */
public record ReplicaSnapshot(String slaveAddress, long startOffset, long ackOffset, long sentOffset,
                              long masterOffset, long bytesSent, long connectedNanos) {

    /** Bytes the slave still has to acknowledge (the master offset when nothing was reported yet). */
    public long lagBytes() {
        return ackOffset < 0 ? masterOffset : Math.max(0, masterOffset - ackOffset);
    }
}
