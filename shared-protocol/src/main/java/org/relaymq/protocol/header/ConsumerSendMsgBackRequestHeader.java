package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 36 CONSUMER_SEND_MSG_BACK request. {@code offset} is the failed message's commit-log offset;
 * {@code delayLevel} 0 lets the broker decide, negative sends straight to the DLQ;
 * {@code unitMode} is always sent by Apache (absent reads as false).
 */
public record ConsumerSendMsgBackRequestHeader(long offset, String group, int delayLevel, String originMsgId,
        String originTopic, boolean unitMode, Integer maxReconsumeTimes, String bname) {

    public ConsumerSendMsgBackRequestHeader {
        ExtFields.require(group, "group");
    }

    /** Without the optional target broker name ({@code bname}). */
    public ConsumerSendMsgBackRequestHeader(long offset, String group, int delayLevel, String originMsgId,
            String originTopic, boolean unitMode, Integer maxReconsumeTimes) {
        this(offset, group, delayLevel, originMsgId, originTopic, unitMode, maxReconsumeTimes, null);
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("offset", offset)
                .put("group", group)
                .put("delayLevel", delayLevel)
                .put("originMsgId", originMsgId)
                .put("originTopic", originTopic)
                .put("unitMode", unitMode)
                .put("maxReconsumeTimes", maxReconsumeTimes)
                .put("bname", bname)
                .build();
    }

    public static ConsumerSendMsgBackRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new ConsumerSendMsgBackRequestHeader(
                r.requiredLong("offset"),
                r.requiredString("group"),
                r.requiredInt("delayLevel"),
                r.optionalString("originMsgId"),
                r.optionalString("originTopic"),
                r.booleanOr("unitMode", false),
                r.optionalInt("maxReconsumeTimes"),
                r.optionalString("bname"));
    }
}
