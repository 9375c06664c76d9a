package org.relaymq.runtime.client.producer;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.internal.ClientEvents;
import org.relaymq.runtime.client.internal.RouteService;
import org.relaymq.runtime.client.internal.Transport;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.RemotingException;

/**
 * The send algorithm: choose a queue, send to its broker's master, and on a retryable failure try again
 * on another broker while attempts and the send timeout last. Every choice is a SEND_DECISION event,
 * every attempt a SEND_RESULT, every isolation a BROKER_ISOLATED. Blocking ({@link #send}) or asynchronous
 * ({@link #sendAsync}); both decide after each attempt by the same rules ({@link SendAttempts}).
 */
final class SendEngine {

    /** What a send may spend. */
    record Budget(long timeoutMillis, int attempts, boolean retryWhenNotStored) {
    }

    /** Sends one request to one queue; knows the group and encoding. */
    interface Kernel {
        RemotingCommand request(MessageQueue mq);
    }

    private final String group;
    private final RouteService routes;
    private final Transport transport;
    private final TimeSource time;
    private final ClientEvents events;
    private final QueueChooser chooser;

    SendEngine(String group, RouteService routes, Transport transport, TimeSource time, ClientEvents events,
               QueueChooser chooser) {
        this.group = group;
        this.routes = routes;
        this.transport = transport;
        this.time = time;
        this.events = events;
        this.chooser = chooser;
    }

    SendResult send(PublishInfo info, String msgId, Kernel kernel, Budget budget, LatencyFaultTolerance faults)
            throws ClientException {
        SendAttempts tried = new SendAttempts(info.topic(), time.monotonicMillis(), budget);
        for (int n = 1; tried.mayTry(n); n++) {
            MessageQueue mq = decide(info, n, tried, faults);
            if (mq == null) {
                break;
            }
            long remaining = tried.remainingMillis(n, mq, time.monotonicMillis());
            if (remaining <= 0) {
                break;
            }
            try {
                SendResult r = once(info.topic(), n, mq, msgId, kernel, remaining, faults);
                if (tried.accept(n, mq, r)) {
                    return r;
                }
            } catch (ClientException e) {
                tried.reject(n, mq, e);
            }
        }
        throw tried.failure();
    }

    /**
     * The same algorithm without blocking: each attempt is written with {@link Transport#invokeAsync}, and what
     * follows its answer (fault tolerance, events, the next attempt, completing {@code result}) runs on
     * {@code continuation}, never on the thread that completes the transport's future. The first attempt is
     * made on the calling thread. Completing {@code result} from outside (producer shut down) ends the send.
     *
     * @param startMillis monotonic time the send's timeout counts from (before any wait for a permit)
     */
    void sendAsync(PublishInfo info, String msgId, Kernel kernel, Budget budget, LatencyFaultTolerance faults,
                   long startMillis, Executor continuation, CompletableFuture<SendResult> result) {
        new AsyncSend(info, msgId, kernel, new SendAttempts(info.topic(), startMillis, budget), faults, continuation,
                result).attempt(1);
    }

    /** Chooses the queue of attempt {@code n} and announces it; null when there is none. */
    private MessageQueue decide(PublishInfo info, int n, SendAttempts tried, LatencyFaultTolerance faults) {
        SendDecision d = chooser.choose(info, tried.lastFailedBroker(), faults);
        events.sendDecision(group, info.topic(), n, d.candidates(), d.skipped(), d.chosen(),
                n == 1 ? "round-robin" : "retry on another broker");
        return d.chosen();
    }

    /** One attempt on {@code mq}; remoting failures become code -1. */
    SendResult once(String topic, int attempt, MessageQueue mq, String msgId, Kernel kernel, long timeoutMillis,
                    LatencyFaultTolerance faults) throws ClientException {
        long t0 = time.monotonicMillis();
        RemotingCommand response = null;
        Exception error = null;
        try {
            response = transport.invokeSync(masterOf(mq.brokerName()), kernel.request(mq), timeoutMillis);
        } catch (ClientException | RemotingException e) {
            error = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.LOCAL, "interrupted while sending", e);
        }
        return settle(topic, attempt, mq, msgId, time.monotonicMillis() - t0, response, error, faults);
    }

    /**
     * The outcome of one attempt ({@code response} or {@code error}): updates the fault tolerance, publishes the
     * SEND_RESULT, and returns the result or throws the failure (remoting failures as code -1).
     */
    private SendResult settle(String topic, int attempt, MessageQueue mq, String msgId, long latency,
                              RemotingCommand response, Throwable error, LatencyFaultTolerance faults)
            throws ClientException {
        try {
            if (error != null) {
                throw asClientException(error);
            }
            SendResult r = SendResults.from(response, mq, msgId);
            record(faults, mq.brokerName(), latency, false);
            events.sendResult(topic, attempt, r.queue(), true, latency, r.status().name(), null);
            return r;
        } catch (ClientException e) {
            record(faults, mq.brokerName(), latency, true);
            events.sendResult(topic, attempt, mq, false, latency, null, e.getMessage());
            throw e;
        }
    }

    private static ClientException asClientException(Throwable error) {
        Throwable e = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (e instanceof ClientException ce) {
            return ce;
        }
        return new ClientException(ClientException.LOCAL, e.getMessage(), e);
    }

    /**
     * One asynchronous send: attempt after attempt, each continued on the producer's executor. Only one
     * thread works on it at a time (the caller, then one continuation after another), so its state needs no
     * lock; {@link #result} may be completed from outside (producer shut down), which ends it.
     */
    private final class AsyncSend {
        private final CompletableFuture<SendResult> result;
        private final PublishInfo info;
        private final String msgId;
        private final Kernel kernel;
        private final SendAttempts tried;
        private final LatencyFaultTolerance faults;
        private final Executor continuation;

        AsyncSend(PublishInfo info, String msgId, Kernel kernel, SendAttempts tried, LatencyFaultTolerance faults,
                  Executor continuation, CompletableFuture<SendResult> result) {
            this.result = result;
            this.info = info;
            this.msgId = msgId;
            this.kernel = kernel;
            this.tried = tried;
            this.faults = faults;
            this.continuation = continuation;
        }

        /** Makes attempt {@code n}, or completes the result when the send cannot go on. */
        void attempt(int n) {
            try {
                tryAttempt(n);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        }

        private void tryAttempt(int n) {
            if (result.isDone()) {
                return;
            }
            if (!tried.mayTry(n)) {
                result.completeExceptionally(tried.failure());
                return;
            }
            MessageQueue mq = decide(info, n, tried, faults);
            long remaining = mq == null ? 0 : tried.remainingMillis(n, mq, time.monotonicMillis());
            if (remaining <= 0) {
                result.completeExceptionally(tried.failure());
                return;
            }
            long t0 = time.monotonicMillis();
            CompletableFuture<RemotingCommand> call;
            try {
                call = transport.invokeAsync(masterOf(mq.brokerName()), kernel.request(mq), remaining);
            } catch (ClientException e) {
                answered(n, mq, time.monotonicMillis() - t0, null, e);
                return;
            }
            call.whenComplete((response, error) -> {
                long latency = time.monotonicMillis() - t0;
                hop(() -> answered(n, mq, latency, response, error));
            });
        }

        private void answered(int n, MessageQueue mq, long latency, RemotingCommand response, Throwable error) {
            try {
                SendResult r = settle(info.topic(), n, mq, msgId, latency, response, error, faults);
                if (tried.accept(n, mq, r)) {
                    result.complete(r);
                    return;
                }
            } catch (ClientException e) {
                tried.reject(n, mq, e);
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            attempt(n + 1);
        }

        /** Continues on the producer's executor; if it takes no more work (shut down), the send fails here. */
        private void hop(Runnable next) {
            try {
                continuation.execute(next);
            } catch (RejectedExecutionException e) {
                result.completeExceptionally(new ClientException(ClientException.LOCAL,
                        "producer " + group + " shut down before the send to " + info.topic() + " completed", e));
            }
        }
    }

    String masterOf(String broker) throws ClientException {
        String addr = routes.masterAddr(broker);
        if (addr == null) {
            throw new ClientException(ClientException.LOCAL, "broker " + broker + " has no master address in the route");
        }
        return addr;
    }

    private void record(LatencyFaultTolerance faults, String broker, long latency, boolean failed) {
        if (faults == null) {
            return;
        }
        long isolation = faults.update(broker, latency, failed);
        if (isolation > 0) {
            events.brokerIsolated(broker, latency, failed, isolation, time.wallMillis() + isolation);
        }
    }

    /** A SEND_DECISION for a caller-chosen queue (selector / explicit queue). */
    void announceChosen(PublishInfo info, MessageQueue chosen, String how) {
        events.sendDecision(group, info.topic(), 1, info.queues(), Map.copyOf(info.excluded()), chosen, how);
    }
}
