package org.relaymq.runtime.remoting;

import java.time.Duration;
import java.util.Objects;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * How long a request may wait in its handler's executor queue before it is answered SYSTEM_BUSY instead of
 * being handled (Apache's {@code waitTimeMillsInSendQueue}): under overload a client gets a fast, retryable
 * refusal rather than an answer after its own timeout — by which time it may already have retried, and a
 * late store would only make a duplicate.
 */
public record QueueWaitLimit(TimeSource time, Duration maxWait) {

    public QueueWaitLimit {
        Objects.requireNonNull(time, "time");
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("maxWait must be positive: " + maxWait);
        }
    }
}
