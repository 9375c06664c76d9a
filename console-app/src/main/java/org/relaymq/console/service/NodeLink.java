package org.relaymq.console.service;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.relaymq.protocol.event.NodeEvent;

/**
 * The console's link to one node: contact times, streaming flag, last info. Events that arrive while
 * a snapshot is being delivered wait, so a view never applies an event older than the snapshot after it.
 */
final class NodeLink {

    private final String address;
    private final AtomicBoolean polling = new AtomicBoolean();
    private final List<NodeEvent> pending = new ArrayList<>();
    private String nodeName;
    private boolean everContacted;
    private long lastContact = -1;
    private boolean streaming;
    private boolean awaitingSnapshot;
    private String error;
    private String limitation;
    private JsonObject info;
    private String identity;
    private long lastProtocolPoll = Long.MIN_VALUE;

    NodeLink(String address) {
        this.address = address;
    }

    String address() {
        return address;
    }

    boolean beginPoll() {
        return polling.compareAndSet(false, true);
    }

    void endPoll() {
        polling.set(false);
    }

    synchronized ConnectionStatus status() {
        return new ConnectionStatus(address, nodeName, everContacted, lastContact, streaming, error, limitation);
    }

    synchronized Optional<JsonObject> info() {
        return Optional.ofNullable(info).map(JsonObject::deepCopy);
    }

    /** Returns true when the node is another process than last time (restarted). */
    synchronized boolean infoArrived(JsonObject newInfo, long now) {
        String id = newInfo.has("pid") ? newInfo.get("pid").getAsString() + "/" + newInfo.get("startedAt") : null;
        boolean restarted = identity != null && id != null && !id.equals(identity);
        identity = id;
        info = newInfo.deepCopy();
        if (newInfo.has("role") && newInfo.has("address")) {
            nodeName = newInfo.get("role").getAsString() + "@" + newInfo.get("address").getAsString();
        }
        touch(now);
        limitation = null;
        return restarted;
    }

    /** True (and remembers now) when a protocol poll is due for this node. */
    synchronized boolean protocolPollDue(long now, long intervalMillis) {
        if (lastProtocolPoll != Long.MIN_VALUE && now - lastProtocolPoll < intervalMillis) {
            return false;
        }
        lastProtocolPoll = now;
        return true;
    }

    synchronized void contacted(long now, String newLimitation) {
        touch(now);
        limitation = newLimitation;
    }

    synchronized void failed(String why, boolean connectionLost) {
        error = why;
        if (connectionLost) {
            streaming = false;
        }
    }

    synchronized void beginSnapshot() {
        awaitingSnapshot = true;
        pending.clear();
    }

    synchronized void snapshotArrived(String node, long now) {
        nodeName = node;
        streaming = true;
        touch(now);
    }

    /** Hands on the events that arrived meanwhile and are newer than the snapshot. */
    synchronized void endSnapshot(long snapshotSeq, Consumer<NodeEvent> sink) {
        for (NodeEvent e : pending) {
            if (e.seq() > snapshotSeq) {
                sink.accept(e);
            }
        }
        pending.clear();
        awaitingSnapshot = false;
    }

    synchronized void abortSnapshot() {
        pending.clear();
        awaitingSnapshot = false;
        streaming = false;
    }

    synchronized void eventArrived(NodeEvent e, long now, Consumer<NodeEvent> sink) {
        touch(now);
        if (awaitingSnapshot) {
            pending.add(e);
        } else {
            sink.accept(e);
        }
    }

    private void touch(long now) {
        everContacted = true;
        lastContact = now;
        error = null;
    }
}
