package org.relaymq.runtime.client.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Collection;
import java.util.Map;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.telemetry.EventSink;

/** The client's routing decisions as node events (ARCHITECTURE.md §5), one typed method per kind. */
public final class ClientEvents {

    private final EventSink sink;

    public ClientEvents(EventSink sink) {
        this.sink = sink;
    }

    public void routePolled(String namesrv, String topic, Collection<String> brokers, boolean changed, boolean found) {
        sink.publish(EventKind.ROUTE_POLLED, EventData.create().put("namesrv", namesrv).put("topic", topic)
                .put("brokers", strings(brokers)).put("changed", changed).put("found", found).build());
    }

    public void namesrvUnreachable(Collection<String> namesrvs, String error, long sinceMillis,
                                   Collection<String> cachedTopics) {
        sink.publish(EventKind.NAMESRV_UNREACHABLE, EventData.create().put("namesrvs", strings(namesrvs))
                .put("error", error).put("since", sinceMillis).put("cachedTopics", strings(cachedTopics))
                .put("servingFromCache", true).build());
    }

    /** {@code skipped}: broker name → why it was not chosen. */
    public void sendDecision(String group, String topic, int attempt, Collection<MessageQueue> candidates,
                             Map<String, String> skipped, MessageQueue chosen, String how) {
        if (!sink.observed()) {
            return; // one per message: not built when nobody watches
        }
        JsonArray skippedJson = new JsonArray();
        skipped.forEach((broker, why) -> {
            JsonObject o = new JsonObject();
            o.addProperty("broker", broker);
            o.addProperty("reason", why);
            skippedJson.add(o);
        });
        JsonArray cands = new JsonArray();
        candidates.forEach(q -> cands.add(q.brokerName() + ":" + q.queueId()));
        sink.publish(EventKind.SEND_DECISION, EventData.create().put("group", group).put("topic", topic)
                .put("attempt", attempt).put("candidates", cands).put("skipped", skippedJson)
                .put("chosen", chosen == null ? null : queue(chosen)).put("how", how).build());
    }

    public void sendResult(String topic, int attempt, MessageQueue queue, boolean ok, long latencyMillis,
                           String status, String error) {
        if (!sink.observed()) {
            return;
        }
        sink.publish(EventKind.SEND_RESULT, EventData.create().put("topic", topic).put("attempt", attempt)
                .put("queue", queue == null ? null : queue(queue)).put("ok", ok).put("latencyMs", latencyMillis)
                .put("status", status).put("error", error).build());
    }

    public void brokerIsolated(String broker, long latencyMillis, boolean failed, long isolationMillis,
                               long untilMillis) {
        sink.publish(EventKind.BROKER_ISOLATED, EventData.create().put("broker", broker)
                .put("latencyMs", latencyMillis).put("failed", failed).put("isolationMs", isolationMillis)
                .put("until", untilMillis).build());
    }

    public void pullSource(String group, MessageQueue queue, String addr, long brokerId, String why) {
        sink.publish(EventKind.PULL_SOURCE, EventData.create().put("group", group).put("queue", queue(queue))
                .put("addr", addr).put("brokerId", brokerId).put("source", brokerId == 0 ? "master" : "slave")
                .put("why", why).build());
    }

    public void rebalance(String group, String topic, String model, Collection<String> consumers,
                          Collection<MessageQueue> assigned, Collection<MessageQueue> added,
                          Collection<MessageQueue> removed) {
        sink.publish(EventKind.REBALANCE, EventData.create().put("group", group).put("topic", topic)
                .put("model", model).put("consumers", strings(consumers)).put("assigned", queues(assigned))
                .put("added", queues(added)).put("removed", queues(removed)).build());
    }

    private static JsonObject queue(MessageQueue q) {
        JsonObject o = new JsonObject();
        o.addProperty("topic", q.topic());
        o.addProperty("broker", q.brokerName());
        o.addProperty("queueId", q.queueId());
        return o;
    }

    private static JsonArray queues(Collection<MessageQueue> qs) {
        JsonArray a = new JsonArray();
        qs.forEach(q -> a.add(queue(q)));
        return a;
    }

    private static JsonArray strings(Collection<String> values) {
        JsonArray a = new JsonArray();
        values.forEach(a::add);
        return a;
    }
}
