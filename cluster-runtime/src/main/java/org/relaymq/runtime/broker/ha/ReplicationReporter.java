package org.relaymq.runtime.broker.ha;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.telemetry.EventSink;

/**
 * Builds the periodic REPLICATION events (ARCHITECTURE.md §5): on a master one per connected slave (or one
 * saying none is connected), on a slave one for its master link. Offsets, lag in bytes and milliseconds,
 * and per-second throughput since the previous report. Called from one scheduler task at a time.
 */
final class ReplicationReporter {

    private final EventSink events;
    private final TimeSource time;
    private final LagClock lagClock = new LagClock();
    private final Map<String, Long> previousOffsets = new HashMap<>();
    private long previousNanos = -1;

    ReplicationReporter(EventSink events, TimeSource time) {
        this.events = events;
        this.time = time;
    }

    synchronized void reportMaster(long masterOffset, List<ReplicaSnapshot> replicas) {
        long now = time.nanoTime();
        double seconds = elapsedSeconds(now);
        lagClock.record(now, masterOffset);
        Map<String, Long> current = new HashMap<>();
        long wrote = perSecond(current, "@master", masterOffset, seconds);
        if (replicas.isEmpty()) {
            events.publish(EventKind.REPLICATION, EventData.create().put("side", "master").put("connectedSlaves", 0)
                    .put("masterOffset", masterOffset).put("writeBytesPerSec", wrote).build());
        }
        long lowestAck = Long.MAX_VALUE;
        for (ReplicaSnapshot r : replicas) {
            long ack = Math.max(r.ackOffset(), 0);
            lowestAck = Math.min(lowestAck, ack);
            events.publish(EventKind.REPLICATION, EventData.create().put("side", "master")
                    .put("connectedSlaves", replicas.size()).put("slaveAddr", r.slaveAddress())
                    .put("masterOffset", masterOffset).put("slaveAckOffset", r.ackOffset())
                    .put("sentOffset", r.sentOffset()).put("lagBytes", r.lagBytes())
                    .put("lagMillis", lagClock.lagMillis(now, ack))
                    .put("ackBytesPerSec", perSecond(current, r.slaveAddress(), ack, seconds))
                    .put("writeBytesPerSec", wrote).build());
        }
        if (lowestAck != Long.MAX_VALUE) {
            lagClock.forgetUpTo(lowestAck);
        }
        previousOffsets.clear();
        previousOffsets.putAll(current);
    }

    synchronized void reportSlave(long slaveOffset, Optional<MasterLinkSnapshot> link, Optional<String> masterAddr) {
        long now = time.nanoTime();
        double seconds = elapsedSeconds(now);
        long known = link.map(MasterLinkSnapshot::knownMasterOffset).orElse(-1L);
        if (known >= 0) {
            lagClock.record(now, known);
        }
        Map<String, Long> current = new HashMap<>();
        long rate = perSecond(current, "@slave", slaveOffset, seconds);
        long lagBytes = link.map(MasterLinkSnapshot::lagBytes).orElse(0L);
        events.publish(EventKind.REPLICATION, EventData.create().put("side", "slave")
                .put("masterAddr", link.map(MasterLinkSnapshot::masterAddress).orElse(masterAddr.orElse(null)))
                .put("connected", link.map(MasterLinkSnapshot::connected).orElse(false))
                .put("slaveOffset", slaveOffset).put("masterOffset", known).put("lagBytes", lagBytes)
                .put("lagMillis", lagClock.lagMillis(now, slaveOffset)).put("appendBytesPerSec", rate).build());
        lagClock.forgetUpTo(slaveOffset);
        previousOffsets.clear();
        previousOffsets.putAll(current);
    }

    private double elapsedSeconds(long now) {
        double seconds = previousNanos < 0 ? 0 : (now - previousNanos) / 1e9;
        previousNanos = now;
        return seconds;
    }

    private long perSecond(Map<String, Long> current, String key, long offset, double seconds) {
        current.put(key, offset);
        Long before = previousOffsets.get(key);
        if (before == null || seconds <= 0) {
            return 0;
        }
        return Math.round(Math.max(0, offset - before) / seconds);
    }
}
