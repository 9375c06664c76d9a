package org.relaymq.protocol.header;

import java.util.Map;

/**
 * 37 END_TRANSACTION request (producer → broker, oneway). {@code commitOrRollback}: 8 commit, 12 rollback,
 * 0 unknown; {@code fromTransactionCheck} is always sent by Apache (absent reads as false);
 * {@code msgId} is the UNIQ_KEY.
 */
public record EndTransactionRequestHeader(String producerGroup, long tranStateTableOffset, long commitLogOffset,
        int commitOrRollback, boolean fromTransactionCheck, String msgId, String transactionId, String bname) {

    public EndTransactionRequestHeader {
        ExtFields.require(producerGroup, "producerGroup");
        ExtFields.require(msgId, "msgId");
    }

    /** Without the optional target broker name ({@code bname}). */
    public EndTransactionRequestHeader(String producerGroup, long tranStateTableOffset, long commitLogOffset,
            int commitOrRollback, boolean fromTransactionCheck, String msgId, String transactionId) {
        this(producerGroup, tranStateTableOffset, commitLogOffset, commitOrRollback, fromTransactionCheck, msgId,
                transactionId, null);
    }

    public Map<String, String> toExt() {
        return ExtFields.write()
                .put("producerGroup", producerGroup)
                .put("tranStateTableOffset", tranStateTableOffset)
                .put("commitLogOffset", commitLogOffset)
                .put("commitOrRollback", commitOrRollback)
                .put("fromTransactionCheck", fromTransactionCheck)
                .put("msgId", msgId)
                .put("transactionId", transactionId)
                .put("bname", bname)
                .build();
    }

    public static EndTransactionRequestHeader fromExt(Map<String, String> ext) {
        ExtFields.Reader r = ExtFields.read(ext);
        return new EndTransactionRequestHeader(
                r.requiredString("producerGroup"),
                r.requiredLong("tranStateTableOffset"),
                r.requiredLong("commitLogOffset"),
                r.requiredInt("commitOrRollback"),
                r.booleanOr("fromTransactionCheck", false),
                r.requiredString("msgId"),
                r.optionalString("transactionId"),
                r.optionalString("bname"));
    }
}
