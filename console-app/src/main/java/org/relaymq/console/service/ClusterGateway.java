package org.relaymq.console.service;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.relaymq.protocol.event.FaultRules;

/**
 * All the console's access to cluster nodes: watch a node by address (subscribe to its events and
 * poll its info), and report snapshots, events, info and the state of each link.
 */
public interface ClusterGateway extends AutoCloseable {

    /** Starts watching the node at host:port; idempotent. */
    void watch(String address);

    void unwatch(String address);

    List<String> watched();

    void addListener(GatewayListener listener);

    ConnectionStatus connection(String address);

    /** The last GET_NODE_INFO answer of the node, if any. */
    Optional<JsonObject> nodeInfo(String address);

    /**
     * SET_FAULTS: replaces the node's fault rules ({@link FaultRules#NONE} heals). Completes with what
     * the node answered; fails with a {@link org.relaymq.protocol.ProtocolException} carrying the node's
     * code and remark when it refused, or with the transport error when it did not answer.
     */
    CompletableFuture<FaultReport> setFaults(String address, FaultRules rules);

    /** GET_FAULTS: the node's rules and frame counters now; fails like {@link #setFaults}. */
    CompletableFuture<FaultReport> getFaults(String address);

    @Override
    void close();
}
