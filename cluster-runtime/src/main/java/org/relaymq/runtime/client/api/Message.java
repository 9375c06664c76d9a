package org.relaymq.runtime.client.api;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.relaymq.protocol.message.MessageConst;

/**
 * A message to send: topic, body, flag and properties (tags, keys, delay level and user properties all
 * travel as properties, protocol.md §6). Mutable like Apache's {@code Message}; do not share one instance
 * between threads while sending.
 */
public final class Message {

    private String topic;
    private byte[] body;
    private int flag;
    private final Map<String, String> properties = new LinkedHashMap<>();

    public Message(String topic, byte[] body) {
        this.topic = Objects.requireNonNull(topic, "topic");
        this.body = Objects.requireNonNull(body, "body");
    }

    public Message(String topic, String tags, String keys, byte[] body) {
        this(topic, body);
        tags(tags);
        keys(keys);
    }

    public String topic() {
        return topic;
    }

    public Message topic(String newTopic) {
        this.topic = Objects.requireNonNull(newTopic, "topic");
        return this;
    }

    public byte[] body() {
        return body;
    }

    public Message body(byte[] newBody) {
        this.body = Objects.requireNonNull(newBody, "body");
        return this;
    }

    public int flag() {
        return flag;
    }

    public Message flag(int newFlag) {
        this.flag = newFlag;
        return this;
    }

    public String tags() {
        return properties.get(MessageConst.TAGS);
    }

    public Message tags(String tags) {
        return property(MessageConst.TAGS, tags);
    }

    public String keys() {
        return properties.get(MessageConst.KEYS);
    }

    /** One key or several separated by a space. */
    public Message keys(String keys) {
        return property(MessageConst.KEYS, keys);
    }

    public Message keys(Collection<String> keys) {
        return keys(String.join(MessageConst.KEY_SEPARATOR, keys));
    }

    public int delayTimeLevel() {
        String v = properties.get(MessageConst.DELAY_TIME_LEVEL);
        return v == null ? 0 : Integer.parseInt(v);
    }

    /** Delay level 1..18 (1 s … 2 h, protocol.md §6.3); 0 = no delay. */
    public Message delayTimeLevel(int level) {
        return property(MessageConst.DELAY_TIME_LEVEL, level > 0 ? Integer.toString(level) : null);
    }

    public Message waitStoreMsgOK(boolean wait) {
        return property(MessageConst.WAIT_STORE_MSG_OK, Boolean.toString(wait));
    }

    /** A user property; null removes it. */
    public Message userProperty(String name, String value) {
        return property(name, value);
    }

    public String property(String name) {
        return properties.get(name);
    }

    /** Sets a property (system or user); null removes it. */
    public Message property(String name, String value) {
        if (value == null) {
            properties.remove(name);
        } else {
            properties.put(name, value);
        }
        return this;
    }

    /** A copy of every property. */
    public Map<String, String> properties() {
        return new LinkedHashMap<>(properties);
    }

    @Override
    public String toString() {
        return "Message[topic=" + topic + ", flag=" + flag + ", properties=" + properties + ", body="
                + body.length + " bytes]";
    }
}
