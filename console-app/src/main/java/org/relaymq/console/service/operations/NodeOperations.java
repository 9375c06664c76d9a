package org.relaymq.console.service.operations;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.relaymq.console.service.NodeFaults;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.service.NodeTimings;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.runtime.common.TimingProfile;

/** The node operations of the Nodes view, with the expectations the room should watch for. */
public final class NodeOperations {

    private static final Set<NodeState> NOT_ALIVE = EnumSet.of(NodeState.NEW, NodeState.STOPPED, NodeState.KILLED,
            NodeState.FAILED, NodeState.EXITED);
    private static final Set<NodeState> ALIVE = EnumSet.of(NodeState.STARTING, NodeState.RUNNING, NodeState.PAUSED,
            NodeState.STOPPING);

    /** Partition: every frame on every connection the node opened is dropped. */
    public static final FaultRules PARTITION = new FaultRules(List.of(FaultRule.drop(FaultRule.ANY_PEER)));
    public static final long DELAY_MILLIS = 1000;
    /** Delay: every frame on every connection the node opened is sent {@value #DELAY_MILLIS} ms late. */
    public static final FaultRules DELAY = new FaultRules(List.of(FaultRule.delay(FaultRule.ANY_PEER, DELAY_MILLIS)));

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
                new ProcessOperation("Start", "Shortcut+S", "READY within seconds; a broker registers with every "
                        + "NameServer", false, NOT_ALIVE, s::start),
                new ProcessOperation("Stop", "Shortcut+T", "graceful: a broker unregisters, the NameServers show "
                        + "\"unregistered\" at once", true, ALIVE, s::stop),
                new ProcessOperation("Kill -9", "Shortcut+K", "the NameServers drop it at once (connection closed)",
                        true, ALIVE, s::kill),
                new ProcessOperation("Pause", "Shortcut+P", pauseExpect, true, EnumSet.of(NodeState.RUNNING), s::pause),
                new ProcessOperation("Resume", "Shortcut+R", "it answers again; its next heartbeat refreshes "
                        + "the registration (if it has not expired yet)", false, EnumSet.of(NodeState.PAUSED),
                        s::resume),
                new ProcessOperation("Restart", "Shortcut+E", "stops gracefully, starts again on the same port and "
                        + "registers anew", true, EnumSet.of(NodeState.RUNNING, NodeState.STOPPED, NodeState.KILLED,
                        NodeState.EXITED, NodeState.FAILED), s::restart));
    }

    /**
     * Partition, Delay and Heal through SET_FAULTS. Their shortcuts share Shift, so the fault family is
     * one gesture away from the process operations without taking their keys.
     */
    public static List<NodeOperation> forFaults(NodeFaults faults, NodeTimings timings) {
        FaultExpectations expect = new FaultExpectations(timings, DELAY_MILLIS);
        return List.of(
                new FaultOperation("Partition", "Shortcut+Shift+P", true, PARTITION, faults, expect::partition),
                new FaultOperation("Delay", "Shortcut+Shift+D", true, DELAY, faults, expect::delay),
                new FaultOperation("Heal", "Shortcut+Shift+H", false, FaultRules.NONE, faults, expect::heal));
    }
}
