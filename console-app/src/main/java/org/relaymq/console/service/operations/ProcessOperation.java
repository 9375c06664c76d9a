package org.relaymq.console.service.operations;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;

/**
 * An operation on a node's process (start, stop, kill -9, pause, resume, restart) through the
 * supervisor. Its expectation is the same for every node.
 *
 * @param name        button text, e.g. "Kill -9"
 * @param shortcut    key combination, e.g. "Shortcut+K"
 * @param expectation what the room should watch for next
 * @param destructive asks for confirmation unless presenting mode is on
 * @param appliesIn   node states in which it makes sense
 * @param action      runs it for a node id; completes when done
 */
public record ProcessOperation(String name, String shortcut, String expectation, boolean destructive,
                               Set<NodeState> appliesIn, Function<String, CompletableFuture<NodeStatus>> action)
        implements NodeOperation {

    public ProcessOperation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expectation, "expectation");
        appliesIn = Set.copyOf(appliesIn);
        Objects.requireNonNull(action, "action");
    }

    @Override
    public boolean appliesTo(NodeStatus node) {
        return node != null && appliesIn.contains(node.state());
    }

    @Override
    public String expectation(NodeStatus node) {
        return expectation;
    }

    @Override
    public CompletableFuture<String> execute(NodeStatus node) {
        try {
            return action.apply(node.id()).thenApply(s -> null);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
