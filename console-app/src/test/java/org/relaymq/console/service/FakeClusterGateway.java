package org.relaymq.console.service;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.remoting.RemotingTimeoutException;

/**
 * A {@link ClusterGateway} a test drives by hand: push snapshots, events, infos and link states; fault
 * requests wait for the test to answer them ({@link #faultCalls()}), or, after {@link #answeringFaults()},
 * are answered at once as a node would.
 */
public final class FakeClusterGateway implements ClusterGateway {

    /** One SET_FAULTS (rules given) or GET_FAULTS (rules null) the console sent. */
    public record FaultCall(String address, FaultRules rules, CompletableFuture<FaultReport> future) {

        public boolean isSet() {
            return rules != null;
        }

        /** The node answers SUCCESS: it now applies {@code applied}. */
        public void answer(FaultRules applied, long dropped, long delayed) {
            future.complete(new FaultReport(applied, dropped, delayed));
        }

        /** The node answers SYSTEM_ERROR with {@code remark}. */
        public void refuse(String remark) {
            future.completeExceptionally(new ProtocolException(ResponseCode.SYSTEM_ERROR, remark));
        }

        /** The node does not know the request (an older runtime): REQUEST_CODE_NOT_SUPPORTED. */
        public void notSupported() {
            future.completeExceptionally(new ProtocolException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    "request type " + (rules != null ? 7010 : 7011) + " not supported"));
        }

        /** No answer in time (paused, gone). */
        public void noAnswer() {
            future.completeExceptionally(new RemotingTimeoutException("no answer from " + address));
        }
    }

    private final List<FaultCall> faultCalls = new CopyOnWriteArrayList<>();
    private final Map<String, FaultRules> nodeRules = new ConcurrentHashMap<>();
    private volatile boolean answerFaults;

    private final List<GatewayListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, ConnectionStatus> connections = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> infos = new ConcurrentHashMap<>();
    private final List<String> watched = new CopyOnWriteArrayList<>();

    @Override
    public void watch(String address) {
        if (!watched.contains(address)) {
            watched.add(address);
        }
    }

    @Override
    public void unwatch(String address) {
        watched.remove(address);
    }

    @Override
    public List<String> watched() {
        return new ArrayList<>(watched);
    }

    @Override
    public void addListener(GatewayListener listener) {
        listeners.add(listener);
    }

    @Override
    public ConnectionStatus connection(String address) {
        return connections.getOrDefault(address, ConnectionStatus.unknown(address));
    }

    @Override
    public Optional<JsonObject> nodeInfo(String address) {
        return Optional.ofNullable(infos.get(address));
    }

    public void live(String address, String nodeName, long atMillis) {
        connection(new ConnectionStatus(address, nodeName, true, atMillis, true, null, null));
    }

    public void connection(ConnectionStatus status) {
        connections.put(status.address(), status);
        listeners.forEach(l -> l.onConnection(status));
    }

    public void snapshot(String address, String nodeName, JsonObject state) {
        listeners.forEach(l -> l.onSnapshot(address, nodeName, state));
    }

    public void event(String address, NodeEvent event) {
        listeners.forEach(l -> l.onEvent(address, event));
    }

    public void info(String address, JsonObject info) {
        infos.put(address, info);
        listeners.forEach(l -> l.onNodeInfo(address, info));
    }

    public void protocolView(ProtocolView view) {
        listeners.forEach(l -> l.onProtocolView(view.address(), view));
    }

    @Override
    public CompletableFuture<FaultReport> setFaults(String address, FaultRules rules) {
        return faultCall(address, rules);
    }

    @Override
    public CompletableFuture<FaultReport> getFaults(String address) {
        return faultCall(address, null);
    }

    private CompletableFuture<FaultReport> faultCall(String address, FaultRules rules) {
        FaultCall call = new FaultCall(address, rules, new CompletableFuture<>());
        faultCalls.add(call);
        if (answerFaults) {
            if (rules != null) {
                nodeRules.put(address, rules);
            }
            call.answer(nodeRules.getOrDefault(address, FaultRules.NONE), 0, 0);
        }
        return call.future();
    }

    /** From now on, fault requests are answered at once, like a node keeping the rules it was sent. */
    public FakeClusterGateway answeringFaults() {
        answerFaults = true;
        return this;
    }

    /** Every fault request so far, oldest first. */
    public List<FaultCall> faultCalls() {
        return List.copyOf(faultCalls);
    }

    /** The SET_FAULTS requests so far, oldest first. */
    public List<FaultCall> setCalls() {
        return faultCalls.stream().filter(FaultCall::isSet).toList();
    }

    /** The most recent request that has no answer yet. */
    public FaultCall lastOpenCall() {
        for (int i = faultCalls.size() - 1; i >= 0; i--) {
            if (!faultCalls.get(i).future().isDone()) {
                return faultCalls.get(i);
            }
        }
        throw new AssertionError("no fault request waits for an answer; sent: " + faultCalls);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
