package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 17 UPDATE_AND_CREATE_TOPIC request. {@code topicFilterType} is {@code SINGLE_TAG} or {@code MULTI_TAG};
 * {@code order} is always sent by Apache (absent reads as false).
 */
public record CreateTopicRequestHeader(String topic, String defaultTopic, int readQueueNums, int writeQueueNums,
        int perm, String topicFilterType, Integer topicSysFlag, boolean order) {

    public CreateTopicRequestHeader {
        ExtFields.require(topic, "topic");
        ExtFields.require(defaultTopic, "defaultTopic");
        ExtFields.require(topicFilterType, "topicFilterType");
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("topic", topic)
                .put("defaultTopic", defaultTopic)
                .put("readQueueNums", readQueueNums)
                .put("writeQueueNums", writeQueueNums)
                .put("perm", perm)
                .put("topicFilterType", topicFilterType)
                .put("topicSysFlag", topicSysFlag)
                .put("order", order)
                .build();
    }

    public static CreateTopicRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new CreateTopicRequestHeader(
                r.requiredString("topic"),
                r.requiredString("defaultTopic"),
                r.requiredInt("readQueueNums"),
                r.requiredInt("writeQueueNums"),
                r.requiredInt("perm"),
                r.requiredString("topicFilterType"),
                r.optionalInt("topicSysFlag"),
                r.booleanOr("order", false));
    }
}
