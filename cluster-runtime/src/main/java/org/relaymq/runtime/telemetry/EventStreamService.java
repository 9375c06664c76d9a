package org.relaymq.runtime.telemetry;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.protocol.event.NodeEventCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.RemoteChannel;
import org.relaymq.runtime.remoting.RemotingException;
import org.relaymq.runtime.remoting.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Streams a node's events to remote subscribers (ARCHITECTURE §5). SUBSCRIBE_EVENTS answers with a
 * snapshot of the node's state, then EVENT frames (oneway, a JSON array of events each) follow on
 * the subscriber's connection. Each subscriber has a bounded buffer: a slow or dead one loses its
 * oldest events (and is told so by a DROPPED event), it never blocks the node or grows its memory.
 */
public final class EventStreamService implements AutoCloseable {

    /** Ext key of the SUBSCRIBE_EVENTS answer: the seq of the last event the snapshot reflects. */
    public static final String EVENT_SEQ = "eventSeq";
    /** Ext key of the SUBSCRIBE_EVENTS request: buffer capacity wanted (optional). */
    public static final String CAPACITY = "capacity";

    private static final Logger LOG = LoggerFactory.getLogger(EventStreamService.class);
    private static final int MAX_EVENTS_PER_FRAME = 256;
    private static final int MAX_CAPACITY = 100_000;

    private final EventBus bus;
    private final NettyRemotingServer server;
    private final Supplier<JsonObject> snapshot;
    private final Map<String, Stream> streams = new ConcurrentHashMap<>();
    private final Scheduler.Cancellable drainTask;

    /**
     * @param snapshot the node's current state as JSON; if it has a numeric {@code eventSeq} member
     *                 it must be the seq of the last event it reflects (taken atomically with the state)
     */
    public EventStreamService(EventBus bus, NettyRemotingServer server, Scheduler scheduler,
                              Supplier<JsonObject> snapshot, Duration drainInterval) {
        this.bus = bus;
        this.server = server;
        this.snapshot = snapshot;
        this.drainTask = scheduler.scheduleWithFixedDelay(this::drainAll, drainInterval, drainInterval);
    }

    /** Serves SUBSCRIBE_EVENTS: answers with the snapshot first, then starts the stream. */
    public RemotingCommand subscribe(RequestContext ctx) {
        int capacity = capacityOf(ctx.request());
        Subscription subscription = bus.subscribe(capacity);
        JsonObject state = snapshot.get();
        long seenSeq = state.has(EVENT_SEQ) ? state.get(EVENT_SEQ).getAsLong() : bus.lastSeq();
        Stream previous = streams.put(ctx.channelId(), new Stream(ctx.remoteChannel(), subscription, seenSeq));
        if (previous != null) {
            bus.unsubscribe(previous.subscription);
        }
        ctx.respond(RemotingCommand.responseTo(ctx.request(), ResponseCode.SUCCESS, null,
                Map.of(EVENT_SEQ, Long.toString(seenSeq), "node", bus.nodeName()),
                state.toString().getBytes(StandardCharsets.UTF_8)));
        LOG.info("{} subscribed to events (capacity {})", ctx.remoteAddress(), capacity);
        return null;
    }

    /** Serves UNSUBSCRIBE_EVENTS. */
    public RemotingCommand unsubscribe(RequestContext ctx) {
        stop(ctx.channelId());
        return RemotingCommand.responseTo(ctx.request(), ResponseCode.SUCCESS, null);
    }

    /** A closed connection ends its stream. */
    public void onChannelClosed(RemoteChannel channel) {
        stop(channel.id());
    }

    public int subscriberCount() {
        return streams.size();
    }

    @Override
    public void close() {
        drainTask.cancel();
        streams.keySet().forEach(this::stop);
    }

    private void stop(String channelId) {
        Stream s = streams.remove(channelId);
        if (s != null) {
            bus.unsubscribe(s.subscription);
        }
    }

    private void drainAll() {
        for (Map.Entry<String, Stream> e : streams.entrySet()) {
            Stream s = e.getValue();
            if (!s.channel.isActive()) {
                stop(e.getKey());
            } else if (s.channel.isWritable()) {
                drain(s);
            }
        }
    }

    private void drain(Stream s) {
        List<NodeEvent> events = s.subscription.poll(MAX_EVENTS_PER_FRAME);
        List<NodeEvent> fresh = events.stream().filter(ev -> ev.seq() > s.seenSeq).toList();
        if (fresh.isEmpty()) {
            return;
        }
        byte[] body = NodeEventCodec.encodeList(fresh).getBytes(StandardCharsets.UTF_8);
        try {
            server.invokeOneway(s.channel, RemotingCommand.request(RequestCode.EVENT, null, body).asOneway());
        } catch (RemotingException ex) {
            LOG.debug("event stream to {} ended: {}", s.channel, ex.getMessage());
            stop(s.channel.id());
        }
    }

    private static int capacityOf(RemotingCommand request) {
        String v = request.ext().get(CAPACITY);
        if (v == null) {
            return EventBus.DEFAULT_CAPACITY;
        }
        try {
            return Math.max(1, Math.min(MAX_CAPACITY, Integer.parseInt(v.trim())));
        } catch (NumberFormatException e) {
            return EventBus.DEFAULT_CAPACITY;
        }
    }

    private record Stream(RemoteChannel channel, Subscription subscription, long seenSeq) {
    }
}
