package org.relaymq.runtime.telemetry;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Consumer;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.protocol.event.NodeEventCodec;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingException;
import org.relaymq.runtime.remoting.RequestContext;

/**
 * Watches nodes' event streams over a {@link NettyRemotingClient}: SUBSCRIBE_EVENTS to each node,
 * its snapshot returned to the caller, then every EVENT frame from that node handed to the node's
 * listener, in order, on one delivery thread. Used by the console and by tests.
 */
public final class RemoteEventSubscriber implements AutoCloseable {

    /** A node's answer to SUBSCRIBE_EVENTS. */
    public record Snapshot(String node, long eventSeq, JsonObject state) {
    }

    private final NettyRemotingClient client;
    private final Map<String, Consumer<NodeEvent>> listeners = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor delivery = Executors2.fixedBounded("event-delivery", 1, 10_000);

    public RemoteEventSubscriber(NettyRemotingClient client) {
        this.client = client;
        client.handlers().register(RequestCode.EVENT, this::onEvents, delivery);
    }

    /** Subscribes to the node at {@code addr}; events newer than the snapshot go to {@code listener}. */
    public Snapshot subscribe(String addr, Consumer<NodeEvent> listener, long timeoutMillis)
            throws RemotingException, InterruptedException {
        listeners.put(addr, listener);
        RemotingCommand answer = client.invokeSync(addr,
                RemotingCommand.request(RequestCode.SUBSCRIBE_EVENTS, Map.of()), timeoutMillis);
        if (answer.code() != ResponseCode.SUCCESS) {
            listeners.remove(addr);
            throw new ProtocolException(answer.code(), "subscribe to " + addr + " failed: " + answer.remark());
        }
        JsonObject state = JsonParser.parseString(new String(answer.body(), StandardCharsets.UTF_8)).getAsJsonObject();
        long seq = Long.parseLong(answer.ext().getOrDefault(EventStreamService.EVENT_SEQ, "0"));
        return new Snapshot(answer.ext().getOrDefault("node", addr), seq, state);
    }

    public void unsubscribe(String addr, long timeoutMillis) throws RemotingException, InterruptedException {
        listeners.remove(addr);
        client.invokeSync(addr, RemotingCommand.request(RequestCode.UNSUBSCRIBE_EVENTS, Map.of()), timeoutMillis);
    }

    private RemotingCommand onEvents(RequestContext ctx, RemotingCommand request) {
        Consumer<NodeEvent> listener = listeners.get(ctx.remoteAddress());
        if (listener != null) {
            List<NodeEvent> events = NodeEventCodec.decodeList(new String(request.body(), StandardCharsets.UTF_8));
            events.forEach(listener);
        }
        return null;
    }

    @Override
    public void close() {
        listeners.clear();
        Executors2.shutdownAndAwait(delivery, Duration.ofSeconds(3));
    }
}
