package org.relaymq.console.service;

import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.relaymq.protocol.event.NodeEvent;

/** A {@link ClusterGateway} a test drives by hand: push snapshots, events, infos and link states. */
public final class FakeClusterGateway implements ClusterGateway {

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
    public void close() {
        listeners.clear();
    }
}
