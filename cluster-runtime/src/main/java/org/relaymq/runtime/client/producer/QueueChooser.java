package org.relaymq.runtime.client.producer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.relaymq.protocol.body.MessageQueue;

/**
 * Round-robin over a topic's writable queues: each choice advances one index and takes the first usable
 * queue from there. Usable = its broker is not isolated (when fault tolerance is on) and did not fail the
 * previous attempt of this send. When nothing is usable, isolation is ignored, then the last failure too.
 */
public final class QueueChooser {

    private final AtomicInteger index;

    public QueueChooser(int start) {
        this.index = new AtomicInteger(start);
    }

    /** {@code faults} null = fault tolerance off; {@code lastFailedBroker} null on a first attempt. */
    public SendDecision choose(PublishInfo info, String lastFailedBroker, LatencyFaultTolerance faults) {
        List<MessageQueue> queues = info.queues();
        if (lastFailedBroker == null && info.excluded().isEmpty() && !queues.isEmpty() && allAvailable(queues, faults)) {
            return new SendDecision(queues.get(Math.floorMod(index.getAndIncrement(), queues.size())), queues, Map.of());
        }
        Map<String, String> skipped = new LinkedHashMap<>(info.excluded());
        if (queues.isEmpty()) {
            return new SendDecision(null, queues, skipped);
        }
        Set<String> avoid = new LinkedHashSet<>();
        for (String broker : brokers(queues)) {
            if (faults != null && !faults.isAvailable(broker)) {
                skipped.put(broker, faults.describeIsolation(broker));
                avoid.add(broker);
            } else if (broker.equals(lastFailedBroker)) {
                skipped.put(broker, "failed last attempt");
                avoid.add(broker);
            }
        }
        int start = index.getAndIncrement();
        MessageQueue chosen = firstFrom(queues, start, avoid);
        if (chosen == null && lastFailedBroker != null) {
            chosen = firstFrom(queues, start, Set.of(lastFailedBroker));
        }
        if (chosen == null) {
            chosen = queues.get(Math.floorMod(start, queues.size()));
        }
        skipped.remove(chosen.brokerName());
        return new SendDecision(chosen, queues, skipped);
    }

    /** The common case, without building the skip list: nothing excluded and no broker isolated. */
    private static boolean allAvailable(List<MessageQueue> queues, LatencyFaultTolerance faults) {
        if (faults == null) {
            return true;
        }
        for (MessageQueue q : queues) {
            if (!faults.isAvailable(q.brokerName())) {
                return false;
            }
        }
        return true;
    }

    private static MessageQueue firstFrom(List<MessageQueue> queues, int start, Set<String> avoid) {
        int n = queues.size();
        for (int i = 0; i < n; i++) {
            MessageQueue q = queues.get(Math.floorMod(start + i, n));
            if (!avoid.contains(q.brokerName())) {
                return q;
            }
        }
        return null;
    }

    private static List<String> brokers(List<MessageQueue> queues) {
        Set<String> names = new LinkedHashSet<>();
        queues.forEach(q -> names.add(q.brokerName()));
        return new ArrayList<>(names);
    }
}
