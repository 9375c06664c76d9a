package org.relaymq.protocol.header;

import java.util.Map;

/**
 * The send request header of codes 10 SEND_MESSAGE, 310 SEND_MESSAGE_V2 and 320 SEND_BATCH_MESSAGE.
 *
 * <p>One record, two codecs: {@link #toExtV2()} / {@link #fromExtV2(Map)} use the single-letter keys
 * {@code a..n} of codes 310 and 320; {@link #toExt()} / {@link #fromExt(Map)} use the long field names of
 * code 10, where the target broker name travels as {@code bname} (V2: {@code n}).
 * {@code unitMode} and {@code batch} are primitive in Apache 4.x, so always written; absent reads as false.
 */
public record SendMessageRequestHeader(String producerGroup, String topic, String defaultTopic,
        int defaultTopicQueueNums, int queueId, int sysFlag, long bornTimestamp, int flag, String properties,
        Integer reconsumeTimes, boolean unitMode, Integer maxReconsumeTimes, boolean batch, String brokerName) {

    public SendMessageRequestHeader {
        ExtFields.require(producerGroup, "producerGroup");
        ExtFields.require(topic, "topic");
        ExtFields.require(defaultTopic, "defaultTopic");
    }

    /** Long-name keys (code 10). */
    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("producerGroup", producerGroup)
                .put("topic", topic)
                .put("defaultTopic", defaultTopic)
                .put("defaultTopicQueueNums", defaultTopicQueueNums)
                .put("queueId", queueId)
                .put("sysFlag", sysFlag)
                .put("bornTimestamp", bornTimestamp)
                .put("flag", flag)
                .put("properties", properties)
                .put("reconsumeTimes", reconsumeTimes)
                .put("unitMode", unitMode)
                .put("batch", batch)
                .put("maxReconsumeTimes", maxReconsumeTimes)
                .put("bname", brokerName)
                .build();
    }

    /** Long-name keys (code 10). */
    public static SendMessageRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new SendMessageRequestHeader(
                r.requiredString("producerGroup"),
                r.requiredString("topic"),
                r.requiredString("defaultTopic"),
                r.requiredInt("defaultTopicQueueNums"),
                r.requiredInt("queueId"),
                r.requiredInt("sysFlag"),
                r.requiredLong("bornTimestamp"),
                r.requiredInt("flag"),
                r.optionalString("properties"),
                r.optionalInt("reconsumeTimes"),
                r.booleanOr("unitMode", false),
                r.optionalInt("maxReconsumeTimes"),
                r.booleanOr("batch", false),
                r.optionalString("bname"));
    }

    /** Single-letter keys (codes 310 and 320). */
    public Map<String, String> toExtV2() {
        return ExtFields.write()
                .put("a", producerGroup)
                .put("b", topic)
                .put("c", defaultTopic)
                .put("d", defaultTopicQueueNums)
                .put("e", queueId)
                .put("f", sysFlag)
                .put("g", bornTimestamp)
                .put("h", flag)
                .put("i", properties)
                .put("j", reconsumeTimes)
                .put("k", unitMode)
                .put("l", maxReconsumeTimes)
                .put("m", batch)
                .put("n", brokerName)
                .build();
    }

    /**
     * Single-letter keys (codes 310 and 320). The broker name is read from {@code n}, falling back to the
     * inherited {@code bname} key.
     */
    public static SendMessageRequestHeader fromExtV2(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        String brokerName = r.optionalString("n");
        return new SendMessageRequestHeader(
                r.requiredString("a"),
                r.requiredString("b"),
                r.requiredString("c"),
                r.requiredInt("d"),
                r.requiredInt("e"),
                r.requiredInt("f"),
                r.requiredLong("g"),
                r.requiredInt("h"),
                r.optionalString("i"),
                r.optionalInt("j"),
                r.booleanOr("k", false),
                r.optionalInt("l"),
                r.booleanOr("m", false),
                brokerName != null ? brokerName : r.optionalString("bname"));
    }
}
