package org.relaymq.runtime.broker;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.relaymq.runtime.telemetry.EventSink;

/** An {@link EventSink} that remembers every event, for assertions. */
public final class RecordingEvents implements EventSink {

    /** One published event. */
    public record Event(String kind, JsonObject data) {
        public String text(String key) {
            return data.has(key) ? data.get(key).getAsString() : null;
        }
    }

    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final AtomicLong seq = new AtomicLong();

    @Override
    public void publish(String kind, JsonObject data) {
        events.add(new Event(kind, data));
        seq.incrementAndGet();
    }

    @Override
    public long lastSeq() {
        return seq.get();
    }

    public List<Event> all() {
        return List.copyOf(events);
    }

    public List<Event> ofKind(String kind) {
        return events.stream().filter(e -> e.kind().equals(kind)).toList();
    }

    public void clear() {
        events.clear();
    }
}
