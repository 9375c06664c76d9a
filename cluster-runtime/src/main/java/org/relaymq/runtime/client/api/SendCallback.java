package org.relaymq.runtime.client.api;

/** Completion of an asynchronous send; runs on a producer thread. */
public interface SendCallback {

    void onSuccess(SendResult result);

    void onException(Throwable error);
}
