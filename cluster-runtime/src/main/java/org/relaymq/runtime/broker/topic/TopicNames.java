package org.relaymq.runtime.broker.topic;

import org.relaymq.protocol.ProtocolException;

/** Topic name rules (what Apache's TopicValidator enforces): {@code [A-Za-z0-9%_|-]}, at most 127 chars. */
public final class TopicNames {

    public static final int MAX_LENGTH = 127;
    /** The template topic producers create topics from when auto-creation is on. */
    public static final String AUTO_CREATE_TOPIC = "TBW102";
    public static final String SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    public static final String BENCHMARK_TOPIC = "BenchmarkTest";
    public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
    public static final String REPLY_TOPIC_SUFFIX = "_REPLY_TOPIC";

    private TopicNames() {
    }

    public static boolean isLegalChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '%' || c == '-' || c == '_' || c == '|';
    }

    /** Null when {@code topic} is a valid name, else why not. */
    public static String problem(String topic) {
        if (topic == null || topic.isBlank()) {
            return "The specified topic is blank.";
        }
        if (topic.length() > MAX_LENGTH) {
            return "The specified topic is longer than topic max length " + MAX_LENGTH + ".";
        }
        for (int i = 0; i < topic.length(); i++) {
            if (!isLegalChar(topic.charAt(i))) {
                return "The specified topic[" + topic + "] contains illegal characters, allowing only "
                        + "^[%|a-zA-Z0-9_-]+$";
            }
        }
        return null;
    }

    /** @throws ProtocolException (SYSTEM_ERROR, the reason as remark) for an invalid name */
    public static void validate(String topic) {
        String problem = problem(topic);
        if (problem != null) {
            throw ProtocolException.badRequest(problem);
        }
    }
}
