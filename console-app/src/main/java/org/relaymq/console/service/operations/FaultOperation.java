package org.relaymq.console.service.operations;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.relaymq.console.service.FaultStatus;
import org.relaymq.console.service.NodeFaults;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.protocol.event.FaultRule;
import org.relaymq.protocol.event.FaultRules;

/**
 * Replaces a running node's fault rules through SET_FAULTS (partition, delay, or heal with no rules).
 * It applies to a RUNNING node while no other fault request to it is waiting for an answer, unless
 * the node said it applies these very rules already (so Heal is off once the node said it has none;
 * when its rules are unknown Heal stays on: healing is harmless) or that it does not know fault requests.
 * Partition and Delay are off for a NameServer: it opens no connections, so they would change nothing.
 *
 * @param expectation what the room should watch for, for a node (null: in general)
 */
public record FaultOperation(String name, String shortcut, boolean destructive, FaultRules rules, NodeFaults faults,
                             Function<NodeStatus, String> expectation) implements NodeOperation {

    public FaultOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rules, "rules");
        Objects.requireNonNull(faults, "faults");
        Objects.requireNonNull(expectation, "expectation");
    }

    @Override
    public boolean appliesTo(NodeStatus node) {
        if (node == null || node.state() != NodeState.RUNNING || !node.hasAddress()) {
            return false;
        }
        if (!rules.isEmpty() && "namesrv".equals(node.role())) {
            return false; // it opens no connections: a partition or delay would change nothing (the tooltip says so)
        }
        FaultStatus known = faults.status(node.id());
        return known.pending() == null && !known.refusesFaults() && !known.applies(rules);
    }

    @Override
    public String expectation(NodeStatus node) {
        return expectation.apply(node);
    }

    @Override
    public CompletableFuture<String> execute(NodeStatus node) {
        return faults.set(node.id(), rules).thenApply(r -> "the node answered: " + describe(r.rules())
                + (r.droppedFrames() > 0 ? "; " + r.droppedFrames() + " frames dropped so far" : ""));
    }

    /** "drop *", "delay 1000 ms *" or "no fault rules". */
    public static String describe(FaultRules rules) {
        return rules.isEmpty() ? "no fault rules"
                : rules.rules().stream().map(FaultRule::describe).collect(Collectors.joining(", "));
    }
}
