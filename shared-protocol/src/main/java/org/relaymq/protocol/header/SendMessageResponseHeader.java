package org.relaymq.protocol.header;

import java.util.Map;

/**
 * Send response header (codes 10, 310, 320). {@code msgId} is the offset message id (comma-joined for a
 * batch), {@code queueOffset} the logical offset of the (first) message.
 *
 * <p>A success response must also carry the ext keys {@value #MSG_REGION} and {@value #TRACE_ON}: the
 * official clients read them unconditionally. Use {@link #toExt(String, boolean)} for that.
 */
public record SendMessageResponseHeader(String msgId, int queueId, long queueOffset, String transactionId) {

    public static final String MSG_REGION = "MSG_REGION";
    public static final String TRACE_ON = "TRACE_ON";
    public static final String DEFAULT_REGION = "DefaultRegion";

    public SendMessageResponseHeader {
        ExtFields.require(msgId, "msgId");
    }

    public SendMessageResponseHeader(String msgId, int queueId, long queueOffset) {
        this(msgId, queueId, queueOffset, null);
    }

    /** The header fields only. */
    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("msgId", msgId)
                .put("queueId", queueId)
                .put("queueOffset", queueOffset)
                .put("transactionId", transactionId)
                .build();
    }

    /** The header fields plus {@value #MSG_REGION} and {@value #TRACE_ON}, as a success response needs. */
    public Map<String, String> toExt(String region, boolean traceOn) {
        Map<String, String> ext = toExt();
        ext.put(MSG_REGION, ExtFields.require(region, MSG_REGION));
        ext.put(TRACE_ON, Boolean.toString(traceOn));
        return ext;
    }

    public static SendMessageResponseHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new SendMessageResponseHeader(
                r.requiredString("msgId"),
                r.requiredInt("queueId"),
                r.requiredLong("queueOffset"),
                r.optionalString("transactionId"));
    }

    /** The broker region of a send response, {@value #DEFAULT_REGION} when absent or empty. */
    public static String regionOf(Map<String, String> ext) {
        String region = ext == null ? null : ext.get(MSG_REGION);
        return region == null || region.isEmpty() ? DEFAULT_REGION : region;
    }

    /** Whether tracing is on for a send response: anything but an explicit {@code "false"} means on. */
    public static boolean traceOnOf(Map<String, String> ext) {
        return ext == null || !"false".equals(ext.get(TRACE_ON));
    }
}
