package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 39 CHECK_TRANSACTION_STATE request (broker → producer, oneway); the body is the half message.
 * The id fields are read leniently (nullable).
 */
public record CheckTransactionStateRequestHeader(long tranStateTableOffset, long commitLogOffset, String msgId,
        String transactionId, String offsetMsgId, String bname) {

    /** Without the optional target broker name ({@code bname}). */
    public CheckTransactionStateRequestHeader(long tranStateTableOffset, long commitLogOffset, String msgId,
            String transactionId, String offsetMsgId) {
        this(tranStateTableOffset, commitLogOffset, msgId, transactionId, offsetMsgId, null);
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("tranStateTableOffset", tranStateTableOffset)
                .put("commitLogOffset", commitLogOffset)
                .put("msgId", msgId)
                .put("transactionId", transactionId)
                .put("offsetMsgId", offsetMsgId)
                .put("bname", bname)
                .build();
    }

    public static CheckTransactionStateRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new CheckTransactionStateRequestHeader(
                r.requiredLong("tranStateTableOffset"),
                r.requiredLong("commitLogOffset"),
                r.optionalString("msgId"),
                r.optionalString("transactionId"),
                r.optionalString("offsetMsgId"),
                r.optionalString("bname"));
    }
}
