package org.relaymq.protocol.body;

import java.util.Set;

/**
 * HEART_BEAT (34) body (protocol.md §4.4.5). {@code heartbeatFingerprint} and {@code withoutSub} are 5.x
 * fields; we always write them (0 / false, which 4.x brokers ignore) and read them when present.
 */
public record HeartbeatData(String clientID, Set<ConsumerData> consumerDataSet, long heartbeatFingerprint,
                            Set<ProducerData> producerDataSet, boolean withoutSub) {

    public HeartbeatData {
        consumerDataSet = Copies.set(consumerDataSet);
        producerDataSet = Copies.set(producerDataSet);
    }

    /** A 4.x-style (v1) heartbeat. */
    public static HeartbeatData of(String clientID, Set<ProducerData> producers, Set<ConsumerData> consumers) {
        return new HeartbeatData(clientID, consumers, 0L, producers, false);
    }

    public static HeartbeatData decode(byte[] body) {
        return ProtocolJson.decode(body, HeartbeatData.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
