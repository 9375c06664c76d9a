package org.relaymq.console.ui;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.client.internal.ClientEvents;
import org.relaymq.runtime.telemetry.EventSink;

/**
 * Client and broker events made by the runtime's own code (ClientEvents), so the console's tests use
 * the field names the real producer and consumer write, not a copy of them.
 */
public final class ClientFixtures implements EventSink {

    public static final String PRODUCER = "127.0.0.1:7001";
    public static final String PRODUCER_NODE = "producer@" + PRODUCER;
    public static final String TOPIC = "DemoTopic";

    private final String node;
    private final List<NodeEvent> published = new ArrayList<>();
    private final ClientEvents events = new ClientEvents(this);
    private long seq;
    private long ts = 1_700_000_000_000L;

    public ClientFixtures(String node) {
        this.node = node;
    }

    public static MessageQueue queue(String broker, int id) {
        return new MessageQueue(broker, id, TOPIC);
    }

    public ClientEvents events() {
        return events;
    }

    @Override
    public synchronized void publish(String kind, JsonObject data) {
        published.add(new NodeEvent(++seq, ts++, node, kind, data));
    }

    @Override
    public synchronized long lastSeq() {
        return seq;
    }

    /** The event the last ClientEvents call published. */
    public synchronized NodeEvent last() {
        return published.get(published.size() - 1);
    }
}
