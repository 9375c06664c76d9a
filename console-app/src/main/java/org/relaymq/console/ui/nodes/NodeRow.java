package org.relaymq.console.ui.nodes;

import org.relaymq.console.service.NodeState;

/**
 * One process line of the Nodes view.
 *
 * @param faults the fault rules the node said it applies ("partitioned (drop *)", "—"), or "unknown"
 */
public record NodeRow(String id, String role, String address, String ports, String pid, String profile,
                      String uptime, NodeState state, String detail, String link, String faults) {
}
