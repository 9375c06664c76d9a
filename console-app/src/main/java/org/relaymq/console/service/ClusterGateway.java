package org.relaymq.console.service;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

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

    @Override
    void close();
}
