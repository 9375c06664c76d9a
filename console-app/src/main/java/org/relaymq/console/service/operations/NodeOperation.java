package org.relaymq.console.service.operations;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;

/**
 * One thing a person can do to a node, as an object: its name and shortcut, one line telling the
 * room what to expect, whether it is destructive (and so asks first), and the action itself.
 *
 * @param name        button text, e.g. "Kill -9"
 * @param shortcut    key combination, e.g. "Shortcut+K"
 * @param expectation what the room should watch for next
 * @param destructive asks for confirmation unless presenting mode is on
 * @param appliesIn   node states in which it makes sense
 * @param action      runs it for a node id; completes when done
 */
public record NodeOperation(String name, String shortcut, String expectation, boolean destructive,
                            Set<NodeState> appliesIn, Function<String, CompletableFuture<NodeStatus>> action) {

    public NodeOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expectation, "expectation");
        appliesIn = Set.copyOf(appliesIn);
        Objects.requireNonNull(action, "action");
    }

    public boolean appliesTo(NodeStatus node) {
        return node != null && appliesIn.contains(node.state());
    }

    /** The question asked before a destructive operation. */
    public String confirmation(NodeStatus node) {
        return name + " " + node.id() + (node.pid() > 0 ? " (pid " + node.pid() + ")" : "") + "?\n\n"
                + "Expect: " + expectation;
    }

    public CompletableFuture<NodeStatus> execute(String nodeId) {
        try {
            return action.apply(nodeId);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
