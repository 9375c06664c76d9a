package org.relaymq.runtime.broker.store;

import java.util.List;
import java.util.Objects;

/**
 * Result of {@link MessageStore#put} / {@link MessageStore#putBatch}.
 *
 * @param status  outcome
 * @param reason  human-readable cause when not PUT_OK (e.g. "disk full: /data is 93% used (limit 90%)"), else ""
 * @param appends one entry per stored record in order; empty when nothing was appended
 */
public record PutMessageResult(PutMessageStatus status, String reason, List<AppendResult> appends) {

    public PutMessageResult {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        appends = List.copyOf(appends);
    }

    public static PutMessageResult ok(List<AppendResult> appends) {
        return new PutMessageResult(PutMessageStatus.PUT_OK, "", appends);
    }

    public static PutMessageResult failed(PutMessageStatus status, String reason) {
        return new PutMessageResult(status, reason, List.of());
    }

    public PutMessageResult withStatus(PutMessageStatus newStatus, String newReason) {
        return new PutMessageResult(newStatus, newReason, appends);
    }

    public boolean isOk() {
        return status == PutMessageStatus.PUT_OK;
    }

    /** The first (for single puts: the only) append. */
    public AppendResult first() {
        if (appends.isEmpty()) {
            throw new IllegalStateException("nothing was appended: " + status + " " + reason);
        }
        return appends.get(0);
    }

    /** Comma-joined offset message ids, as the batch send response's {@code msgId}. */
    public String offsetMsgIds() {
        return String.join(",", appends.stream().map(AppendResult::offsetMsgId).toList());
    }
}
