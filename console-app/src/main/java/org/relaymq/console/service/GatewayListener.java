package org.relaymq.console.service;

import com.google.gson.JsonObject;
import org.relaymq.protocol.event.NodeEvent;

/** What the {@link ClusterGateway} reports; called on gateway threads (view models hop to the UI). */
public interface GatewayListener {

    /** A (re)subscription answered with the node's full current state; replaces what was known. */
    default void onSnapshot(String address, String nodeName, JsonObject state) {
    }

    default void onEvent(String address, NodeEvent event) {
    }

    /** GET_NODE_INFO answered: role, version, pid, profile, intervals, uptime. */
    default void onNodeInfo(String address, JsonObject info) {
    }

    default void onConnection(ConnectionStatus status) {
    }

    /** A node without event stream (Apache RocketMQ) was polled through the plain protocol. */
    default void onProtocolView(String address, ProtocolView view) {
    }
}
