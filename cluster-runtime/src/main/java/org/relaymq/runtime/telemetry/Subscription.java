package org.relaymq.runtime.telemetry;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.relaymq.protocol.event.NodeEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One subscriber's bounded buffer on an {@link EventBus}. When full, the oldest event is dropped;
 * the next {@link #poll} then starts with a DROPPED event (its seq is the last dropped seq, so seqs
 * a subscriber sees still only grow). Pull style ({@link #poll}) or push style (a drain task on an
 * executor feeding a sink).
 */
public final class Subscription implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Subscription.class);
    private static final int DRAIN_BATCH = 256;

    private final EventBus bus;
    private final int capacity;
    private final Consumer<NodeEvent> sink;
    private final Executor executor;
    private final ArrayDeque<NodeEvent> buffer;
    private long droppedPending;
    private long droppedFrom;
    private long droppedTo;
    private long droppedTotal;
    private boolean draining;
    private volatile boolean closed;

    Subscription(EventBus bus, int capacity, Consumer<NodeEvent> sink, Executor executor) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.bus = bus;
        this.capacity = capacity;
        this.sink = sink;
        this.executor = executor;
        this.buffer = new ArrayDeque<>(Math.min(capacity, 1024));
    }

    /** Buffers {@code e}; returns true when a push drain must be scheduled. Never blocks for long. */
    synchronized boolean offer(NodeEvent e) {
        if (closed) {
            return false;
        }
        if (buffer.size() >= capacity) {
            NodeEvent oldest = buffer.pollFirst();
            if (droppedPending == 0) {
                droppedFrom = oldest.seq();
            }
            droppedTo = oldest.seq();
            droppedPending++;
            droppedTotal++;
        }
        buffer.addLast(e);
        if (sink != null && !draining) {
            draining = true;
            return true;
        }
        return false;
    }

    /** Up to {@code max} buffered events, oldest first, preceded by a DROPPED event after a loss. */
    public synchronized List<NodeEvent> poll(int max) {
        List<NodeEvent> out = new ArrayList<>(Math.min(max, buffer.size() + 1));
        if (max < 1) {
            return out;
        }
        if (droppedPending > 0) {
            out.add(bus.droppedEvent(droppedPending, droppedFrom, droppedTo));
            droppedPending = 0;
        }
        while (out.size() < max && !buffer.isEmpty()) {
            out.add(buffer.pollFirst());
        }
        return out;
    }

    /** Events waiting in the buffer (at most the capacity). */
    public synchronized int pending() {
        return buffer.size();
    }

    /** Events dropped from this buffer since it was created. */
    public synchronized long droppedTotal() {
        return droppedTotal;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Same as {@link EventBus#unsubscribe}. */
    @Override
    public void close() {
        bus.unsubscribe(this);
    }

    synchronized void markClosed() {
        closed = true;
        buffer.clear();
        droppedPending = 0;
    }

    void scheduleDrain() {
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            synchronized (this) {
                draining = false;
            }
            LOG.debug("event drain rejected; events stay buffered", e);
        }
    }

    private void drain() {
        while (true) {
            List<NodeEvent> batch;
            synchronized (this) {
                batch = closed ? List.of() : poll(DRAIN_BATCH);
                if (batch.isEmpty()) {
                    draining = false;
                    return;
                }
            }
            if (!deliver(batch)) {
                return;
            }
        }
    }

    private boolean deliver(List<NodeEvent> batch) {
        try {
            for (NodeEvent e : batch) {
                if (closed) {
                    return false;
                }
                sink.accept(e);
            }
            return true;
        } catch (RuntimeException ex) {
            LOG.warn("event subscriber failed, unsubscribing it: {}", ex.toString());
            close();
            return false;
        }
    }
}
