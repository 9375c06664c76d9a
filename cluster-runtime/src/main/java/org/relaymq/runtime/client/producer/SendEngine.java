package org.relaymq.runtime.client.producer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.SendFailedException;
import org.relaymq.runtime.client.api.SendFailedException.Attempt;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.internal.ClientEvents;
import org.relaymq.runtime.client.internal.RouteService;
import org.relaymq.runtime.client.internal.Transport;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.RemotingException;

/**
 * The send algorithm: choose a queue, send to its broker's master, and on a retryable failure try again
 * on another broker while attempts and the send timeout last. Every choice is a SEND_DECISION event,
 * every attempt a SEND_RESULT, every isolation a BROKER_ISOLATED.
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
        Attempts tried = new Attempts(time.monotonicMillis());
        for (int n = 1; n <= budget.attempts() && !tried.stop; n++) {
            SendDecision d = chooser.choose(info, tried.lastFailed, faults);
            events.sendDecision(group, info.topic(), n, d.candidates(), d.skipped(), d.chosen(),
                    n == 1 ? "round-robin" : "retry on another broker");
            if (d.chosen() == null) {
                break;
            }
            SendResult r = attempt(info.topic(), n, d.chosen(), msgId, kernel, budget, faults, tried);
            if (r != null) {
                return r;
            }
        }
        throw new SendFailedException(info.topic(), tried.list, tried.lastCode, tried.lastError);
    }

    /** What the attempts of one send have met so far. */
    private static final class Attempts {
        final long start;
        final List<Attempt> list = new ArrayList<>();
        String lastFailed;
        Exception lastError;
        int lastCode = ClientException.LOCAL;
        boolean stop;

        Attempts(long start) {
            this.start = start;
        }

        void failed(int n, MessageQueue mq, String why) {
            list.add(new Attempt(n, mq.brokerName(), mq.queueId(), why));
            lastFailed = mq.brokerName();
        }
    }

    /** Attempt {@code n} on {@code mq}: the result to return, or null to try again (unless {@code tried.stop}). */
    private SendResult attempt(String topic, int n, MessageQueue mq, String msgId, Kernel kernel, Budget budget,
                               LatencyFaultTolerance faults, Attempts tried) {
        long spent = time.monotonicMillis() - tried.start;
        if (spent >= budget.timeoutMillis()) {
            tried.list.add(new Attempt(n, mq.brokerName(), mq.queueId(),
                    "send timeout of " + budget.timeoutMillis() + " ms used up"));
            tried.stop = true;
            return null;
        }
        try {
            SendResult r = once(topic, n, mq, msgId, kernel, budget.timeoutMillis() - spent, faults);
            if (r.isOk() || !budget.retryWhenNotStored() || n == budget.attempts()) {
                return r;
            }
            tried.failed(n, mq, "stored " + r.status());
        } catch (ClientException e) {
            tried.failed(n, mq, e.getMessage());
            tried.lastError = e;
            tried.lastCode = e.code();
            tried.stop = e.code() != ClientException.LOCAL && !SendResults.RETRY_CODES.contains(e.code());
        }
        return null;
    }

    /** One attempt on {@code mq}; remoting failures become code -1. */
    SendResult once(String topic, int attempt, MessageQueue mq, String msgId, Kernel kernel, long timeoutMillis,
                    LatencyFaultTolerance faults) throws ClientException {
        long t0 = time.monotonicMillis();
        try {
            String addr = masterOf(mq.brokerName());
            RemotingCommand response = transport.invokeSync(addr, kernel.request(mq), timeoutMillis);
            SendResult r = SendResults.from(response, mq, msgId);
            long latency = time.monotonicMillis() - t0;
            record(faults, mq.brokerName(), latency, false);
            events.sendResult(topic, attempt, r.queue(), true, latency, r.status().name(), null);
            return r;
        } catch (ClientException | RemotingException e) {
            long latency = time.monotonicMillis() - t0;
            record(faults, mq.brokerName(), latency, true);
            events.sendResult(topic, attempt, mq, false, latency, null, e.getMessage());
            if (e instanceof ClientException ce) {
                throw ce;
            }
            throw new ClientException(ClientException.LOCAL, e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.LOCAL, "interrupted while sending", e);
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
