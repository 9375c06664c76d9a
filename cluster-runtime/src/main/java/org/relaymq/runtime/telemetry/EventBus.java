package org.relaymq.runtime.telemetry;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * The events of one node (one instance per node, never static). {@link #publish} stamps seq (+1 per
 * event), the wall time of the injected clock and the node name, then offers the event to every
 * subscriber's bounded buffer. Publishing never blocks on a subscriber and never grows memory past
 * the buffers' capacities: a full buffer drops its oldest events and later hands out one
 * {@link EventKind#DROPPED} event saying how many.
 */
public final class EventBus implements EventSink, AutoCloseable {

    public static final int DEFAULT_CAPACITY = 10_000;

    private final TimeSource time;
    private final int defaultCapacity;
    private final Object publishLock = new Object();
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private volatile String nodeName;
    private long seq;
    private volatile long lastSeq;
    private volatile boolean closed;

    public EventBus(String nodeName, TimeSource time) {
        this(nodeName, time, DEFAULT_CAPACITY);
    }

    public EventBus(String nodeName, TimeSource time, int defaultCapacity) {
        if (defaultCapacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + defaultCapacity);
        }
        this.nodeName = Objects.requireNonNull(nodeName, "nodeName");
        this.time = Objects.requireNonNull(time, "time");
        this.defaultCapacity = defaultCapacity;
    }

    public String nodeName() {
        return nodeName;
    }

    /** Renames the node, e.g. once a server bound to port 0 knows its real port. */
    public void nodeName(String name) {
        this.nodeName = Objects.requireNonNull(name, "name");
    }

    @Override
    public void publish(String kind, JsonObject data) {
        Objects.requireNonNull(kind, "kind");
        List<Subscription> toDrain = new ArrayList<>(0);
        synchronized (publishLock) {
            if (closed) {
                return;
            }
            NodeEvent event = new NodeEvent(++seq, time.wallMillis(), nodeName, kind, data);
            lastSeq = seq;
            for (Subscription s : subscriptions) {
                if (s.offer(event)) {
                    toDrain.add(s);
                }
            }
        }
        toDrain.forEach(Subscription::scheduleDrain);
    }

    @Override
    public long lastSeq() {
        return lastSeq;
    }

    /** A pull subscription with the default capacity: the caller polls. */
    public Subscription subscribe() {
        return subscribe(defaultCapacity);
    }

    /** A pull subscription: the caller polls (e.g. a Netty sender whenever its channel is writable). */
    public Subscription subscribe(int capacity) {
        return add(new Subscription(this, capacity, null, null));
    }

    /**
     * A push subscription: a drain task on {@code executor} hands buffered events to {@code sink} in
     * order, one drain at a time. A sink that throws ends its subscription.
     */
    public Subscription subscribe(int capacity, Consumer<NodeEvent> sink, Executor executor) {
        return add(new Subscription(this, capacity, Objects.requireNonNull(sink, "sink"),
                Objects.requireNonNull(executor, "executor")));
    }

    /** Stops delivery to {@code s}; idempotent. */
    public void unsubscribe(Subscription s) {
        subscriptions.remove(s);
        s.markClosed();
    }

    /** True while at least one subscriber receives events. */
    @Override
    public boolean observed() {
        return !subscriptions.isEmpty();
    }

    public int subscriberCount() {
        return subscriptions.size();
    }

    /** Ends every subscription; later publishes are ignored. Idempotent. */
    @Override
    public void close() {
        synchronized (publishLock) {
            closed = true;
        }
        for (Subscription s : subscriptions) {
            unsubscribe(s);
        }
    }

    NodeEvent droppedEvent(long count, long fromSeq, long toSeq) {
        JsonObject data = EventData.create().put("count", count).put("fromSeq", fromSeq).put("toSeq", toSeq)
                .build();
        return new NodeEvent(toSeq, time.wallMillis(), nodeName, EventKind.DROPPED, data);
    }

    private Subscription add(Subscription s) {
        synchronized (publishLock) {
            if (closed) {
                s.markClosed();
                return s;
            }
            subscriptions.add(s);
        }
        return s;
    }
}
