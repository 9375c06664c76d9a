package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 11 PULL_MESSAGE request. {@code sysFlag} holds the PullSysFlag bits; {@code subscription} and
 * {@code expressionType} are optional; {@code bname} (4.9.5+) names the target broker.
 */
public record PullMessageRequestHeader(String consumerGroup, String topic, int queueId, long queueOffset,
        int maxMsgNums, int sysFlag, long commitOffset, long suspendTimeoutMillis, String subscription,
        long subVersion, String expressionType, String bname) {

    public PullMessageRequestHeader {
        ExtFields.require(consumerGroup, "consumerGroup");
        ExtFields.require(topic, "topic");
    }

    /** Without the optional target broker name ({@code bname}). */
    public PullMessageRequestHeader(String consumerGroup, String topic, int queueId, long queueOffset,
            int maxMsgNums, int sysFlag, long commitOffset, long suspendTimeoutMillis, String subscription,
            long subVersion, String expressionType) {
        this(consumerGroup, topic, queueId, queueOffset, maxMsgNums, sysFlag, commitOffset, suspendTimeoutMillis,
                subscription, subVersion, expressionType, null);
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("consumerGroup", consumerGroup)
                .put("topic", topic)
                .put("queueId", queueId)
                .put("queueOffset", queueOffset)
                .put("maxMsgNums", maxMsgNums)
                .put("sysFlag", sysFlag)
                .put("commitOffset", commitOffset)
                .put("suspendTimeoutMillis", suspendTimeoutMillis)
                .put("subscription", subscription)
                .put("subVersion", subVersion)
                .put("expressionType", expressionType)
                .put("bname", bname)
                .build();
    }

    public static PullMessageRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new PullMessageRequestHeader(
                r.requiredString("consumerGroup"),
                r.requiredString("topic"),
                r.requiredInt("queueId"),
                r.requiredLong("queueOffset"),
                r.requiredInt("maxMsgNums"),
                r.requiredInt("sysFlag"),
                r.requiredLong("commitOffset"),
                r.requiredLong("suspendTimeoutMillis"),
                r.optionalString("subscription"),
                r.requiredLong("subVersion"),
                r.optionalString("expressionType"),
                r.optionalString("bname"));
    }
}
