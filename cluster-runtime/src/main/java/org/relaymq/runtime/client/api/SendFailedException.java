package org.relaymq.runtime.client.api;

import java.util.List;

/** No broker took the message: names the topic and every attempt (broker, queue, error). */
public final class SendFailedException extends ClientException {

    /** One attempt of a send; {@code queueId} is -1 when no queue could be chosen. */
    public record Attempt(int number, String broker, int queueId, String error) {
        @Override
        public String toString() {
            return "#" + number + " " + broker + ":" + queueId + " -> " + error;
        }
    }

    private final String topic;
    private final List<Attempt> attempts;

    public SendFailedException(String topic, List<Attempt> attempts, int lastCode, Throwable cause) {
        super(lastCode, describe(topic, attempts), cause);
        this.topic = topic;
        this.attempts = List.copyOf(attempts);
    }

    private static String describe(String topic, List<Attempt> attempts) {
        if (attempts.isEmpty()) {
            return "send to topic " + topic + " failed: no route and no queue to send to";
        }
        return "send to topic " + topic + " failed after " + attempts.size() + " attempt(s): " + attempts;
    }

    public String topic() {
        return topic;
    }

    public List<Attempt> attempts() {
        return attempts;
    }
}
