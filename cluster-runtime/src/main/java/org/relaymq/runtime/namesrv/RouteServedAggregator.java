package org.relaymq.runtime.namesrv;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.telemetry.EventSink;

/**
 * Counts GET_ROUTEINFO_BY_TOPIC answers and reports them as one ROUTE_SERVED event per topic per
 * window (default 1 s), so a busy NameServer does not flood its subscribers. Thread-safe.
 */
public final class RouteServedAggregator implements AutoCloseable {

    private final EventSink events;
    private final Duration window;
    private Map<String, TopicCount> counts = new TreeMap<>();
    private Scheduler.Cancellable task;

    public RouteServedAggregator(EventSink events, Duration window) {
        this.events = Objects.requireNonNull(events, "events");
        this.window = Objects.requireNonNull(window, "window");
    }

    /** Notes one route request for {@code topic} from {@code clientAddr}; {@code found} false = TOPIC_NOT_EXIST. */
    public synchronized void record(String topic, String clientAddr, boolean found) {
        TopicCount c = counts.computeIfAbsent(topic, t -> new TopicCount());
        c.total++;
        if (!found) {
            c.notFound++;
        }
        c.clients.merge(clientAddr == null ? "?" : clientAddr, 1L, Long::sum);
    }

    /** Publishes what was counted since the last flush; returns the number of events published. */
    public int flush() {
        Map<String, TopicCount> taken;
        synchronized (this) {
            if (counts.isEmpty()) {
                return 0;
            }
            taken = counts;
            counts = new TreeMap<>();
        }
        taken.forEach((topic, c) -> events.publish(EventKind.ROUTE_SERVED, data(topic, c)));
        return taken.size();
    }

    /** Flushes every window on {@code scheduler} until closed. */
    public synchronized RouteServedAggregator start(Scheduler scheduler) {
        if (task == null) {
            task = scheduler.scheduleWithFixedDelay(this::flush, window, window);
        }
        return this;
    }

    /** Stops the periodic flush and publishes what is left. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (task != null) {
                task.cancel();
            }
        }
        flush();
    }

    private JsonObject data(String topic, TopicCount c) {
        JsonObject clients = new JsonObject();
        c.clients.forEach(clients::addProperty);
        return EventData.create().put("topic", topic).put("count", c.total).put("notFound", c.notFound)
                .put("found", c.notFound < c.total).put("clients", clients)
                .put("clientList", NamesrvEvents.strings(List.copyOf(c.clients.keySet())))
                .put("windowMs", window.toMillis()).build();
    }

    private static final class TopicCount {
        private long total;
        private long notFound;
        private final Map<String, Long> clients = new TreeMap<>();
    }
}
