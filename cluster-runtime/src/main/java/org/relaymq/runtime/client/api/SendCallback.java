package org.relaymq.runtime.client.api;

/**
 * Completion of an asynchronous send; runs on one of the producer's async threads (never an I/O thread), or
 * on the sending thread when the send fails before it is written (invalid message, in-flight limit, shut down).
 * Keep it short: a callback that blocks holds up the completion of other sends.
 */
public interface SendCallback {

    void onSuccess(SendResult result);

    void onException(Throwable error);
}
