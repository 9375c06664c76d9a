package org.relaymq.runtime.client.producer;

import java.util.ArrayList;
import java.util.List;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.SendFailedException;
import org.relaymq.runtime.client.api.SendFailedException.Attempt;
import org.relaymq.runtime.client.api.SendResult;

/**
 * What the attempts of one send have met so far, and the rules that decide after each attempt whether
 * the send returns, tries again on another broker, or stops. Shared by the sync and the async send;
 * used by one thread at a time (the async send hands it from thread to thread, never shares it).
 */
final class SendAttempts {

    private final String topic;
    private final long startMillis;
    private final SendEngine.Budget budget;
    private final List<Attempt> list = new ArrayList<>();
    private String lastFailedBroker;
    private Exception lastError;
    private int lastCode = ClientException.LOCAL;
    private boolean stop;

    /** {@code startMillis}: monotonic time the send's timeout counts from. */
    SendAttempts(String topic, long startMillis, SendEngine.Budget budget) {
        this.topic = topic;
        this.startMillis = startMillis;
        this.budget = budget;
    }

    /** Whether attempt {@code n} may be made at all (attempts left and no final failure yet). */
    boolean mayTry(int n) {
        return n <= budget.attempts() && !stop;
    }

    /** The broker that failed the previous attempt (null on a first attempt or after a success). */
    String lastFailedBroker() {
        return lastFailedBroker;
    }

    /** The time attempt {@code n} on {@code mq} may take; 0 or less = the timeout is used up (recorded, stops). */
    long remainingMillis(int n, MessageQueue mq, long nowMillis) {
        long spent = nowMillis - startMillis;
        if (spent >= budget.timeoutMillis()) {
            list.add(new Attempt(n, mq.brokerName(), mq.queueId(),
                    "send timeout of " + budget.timeoutMillis() + " ms used up"));
            stop = true;
            return 0;
        }
        return budget.timeoutMillis() - spent;
    }

    /** Attempt {@code n} got {@code r}: true = return it, false = try again on another broker. */
    boolean accept(int n, MessageQueue mq, SendResult r) {
        if (r.isOk() || !budget.retryWhenNotStored() || n == budget.attempts()) {
            return true;
        }
        failed(n, mq, "stored " + r.status());
        return false;
    }

    /** Attempt {@code n} failed with {@code e}; a non-retryable broker code stops the send. */
    void reject(int n, MessageQueue mq, ClientException e) {
        failed(n, mq, e.getMessage());
        lastError = e;
        lastCode = e.code();
        stop = e.code() != ClientException.LOCAL && !SendResults.RETRY_CODES.contains(e.code());
    }

    /** What the caller gets when no attempt returned a result. */
    SendFailedException failure() {
        return new SendFailedException(topic, list, lastCode, lastError);
    }

    private void failed(int n, MessageQueue mq, String why) {
        list.add(new Attempt(n, mq.brokerName(), mq.queueId(), why));
        lastFailedBroker = mq.brokerName();
    }
}
