package org.relaymq.runtime.telemetry;

import com.google.gson.JsonObject;

/** Where a component reports its node events. {@link EventBus} is the real one. */
public interface EventSink {

    /** Publishes an event of {@code kind}; never blocks on subscribers. */
    void publish(String kind, JsonObject data);

    /** The seq of the last event published, 0 before the first. */
    long lastSeq();

    /**
     * Whether anyone receives what is published now. Hot paths (one event per message) check it and
     * skip building events nobody reads; rare events are simply published.
     */
    default boolean observed() {
        return true;
    }

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

            @Override
            public boolean observed() {
                return false;
            }
        };
    }
}
