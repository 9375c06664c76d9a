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
        long start = time.monotonicMillis();
        List<Attempt> attempts = new ArrayList<>();
        String lastFailed = null;
        Exception lastError = null;
        int lastCode = ClientException.LOCAL;
        for (int n = 1; n <= budget.attempts(); n++) {
            SendDecision d = chooser.choose(info, lastFailed, faults);
            events.sendDecision(group, info.topic(), n, d.candidates(), d.skipped(), d.chosen(),
                    n == 1 ? "round-robin" : "retry on another broker");
            if (d.chosen() == null) {
                break;
            }
            long spent = time.monotonicMillis() - start;
            if (spent >= budget.timeoutMillis()) {
                attempts.add(new Attempt(n, d.chosen().brokerName(), d.chosen().queueId(),
                        "send timeout of " + budget.timeoutMillis() + " ms used up"));
                break;
            }
            try {
                SendResult r = once(info.topic(), n, d.chosen(), msgId, kernel, budget.timeoutMillis() - spent,
                        faults);
                if (r.isOk() || !budget.retryWhenNotStored() || n == budget.attempts()) {
                    return r;
                }
                attempts.add(new Attempt(n, d.chosen().brokerName(), d.chosen().queueId(), "stored " + r.status()));
                lastFailed = d.chosen().brokerName();
            } catch (ClientException e) {
                attempts.add(new Attempt(n, d.chosen().brokerName(), d.chosen().queueId(), e.getMessage()));
                lastFailed = d.chosen().brokerName();
                lastError = e;
                lastCode = e.code();
                if (e.code() != ClientException.LOCAL && !SendResults.RETRY_CODES.contains(e.code())) {
                    break;
                }
            }
        }
        throw new SendFailedException(info.topic(), attempts, lastCode, lastError);
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
