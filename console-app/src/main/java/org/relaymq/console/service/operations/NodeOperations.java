package org.relaymq.console.service.operations;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.runtime.common.TimingProfile;

/** The node operations of the Nodes view, with the expectations the room should watch for. */
public final class NodeOperations {

    private static final Set<NodeState> NOT_ALIVE = EnumSet.of(NodeState.NEW, NodeState.STOPPED, NodeState.KILLED,
            NodeState.FAILED, NodeState.EXITED);
    private static final Set<NodeState> ALIVE = EnumSet.of(NodeState.STARTING, NodeState.RUNNING, NodeState.PAUSED,
            NodeState.STOPPING);

    private NodeOperations() {
    }

    public static List<NodeOperation> forSupervisor(NodeSupervisor s) {
        String pauseExpect = "nothing happens until the expiry notices: "
                + TimingProfile.CLASSROOM.brokerExpiry().toSeconds() + " s classroom / "
                + TimingProfile.CLASSIC.brokerExpiry().toSeconds() + " s classic";
        if (!s.signals().supported()) {
            pauseExpect = s.signals().unsupportedReason();
        }
        return List.of(
                new NodeOperation("Start", "Shortcut+S", "READY within seconds; a broker registers with every NameServer",
                        false, NOT_ALIVE, s::start),
                new NodeOperation("Stop", "Shortcut+T", "graceful: a broker unregisters, the NameServers show "
                        + "\"unregistered\" at once", true, ALIVE, s::stop),
                new NodeOperation("Kill -9", "Shortcut+K", "the NameServers drop it at once (connection closed)",
                        true, ALIVE, s::kill),
                new NodeOperation("Pause", "Shortcut+P", pauseExpect, true, EnumSet.of(NodeState.RUNNING), s::pause),
                new NodeOperation("Resume", "Shortcut+R", "it answers again; its next heartbeat refreshes "
                        + "the registration (if it has not expired yet)", false, EnumSet.of(NodeState.PAUSED), s::resume),
                new NodeOperation("Restart", "Shortcut+E", "stops gracefully, starts again on the same port and "
                        + "registers anew", true, EnumSet.of(NodeState.RUNNING, NodeState.STOPPED, NodeState.KILLED,
                        NodeState.EXITED, NodeState.FAILED), s::restart));
    }
}
