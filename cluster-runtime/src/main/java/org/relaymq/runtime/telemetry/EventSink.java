package org.relaymq.runtime.telemetry;

import com.google.gson.JsonObject;

/** Where a component reports its node events. {@link EventBus} is the real one. */
public interface EventSink {

    /** Publishes an event of {@code kind}; never blocks on subscribers. */
    void publish(String kind, JsonObject data);

    /** The seq of the last event published, 0 before the first. */
    long lastSeq();

    /** A sink that forgets everything (for components used without a console). */
    static EventSink discarding() {
        return new EventSink() {
            @Override
            public void publish(String kind, JsonObject data) {
                // nobody listens
            }

            @Override
            public long lastSeq() {
                return 0;
            }
        };
    }
}
