package org.relaymq.console.service.operations;

import java.util.concurrent.CompletableFuture;
import org.relaymq.console.service.NodeStatus;

/**
 * One thing a person can do to a node, as an object: its name and shortcut, one line telling the
 * room what to expect (for the node at hand), whether it is destructive (and so asks first), and the
 * action itself, which completes with the line the console reports as done.
 */
public interface NodeOperation {

    /** Button text, e.g. "Kill -9". */
    String name();

    /** Key combination, e.g. "Shortcut+K". */
    String shortcut();

    /** Asks for confirmation unless presenting mode is on. */
    boolean destructive();

    boolean appliesTo(NodeStatus node);

    /** What the room should watch for next when it is done to {@code node}; in general when null. */
    String expectation(NodeStatus node);

    /** The question asked before a destructive operation. */
    default String confirmation(NodeStatus node) {
        return name() + " " + node.id() + (node.pid() > 0 ? " (pid " + node.pid() + ")" : "") + "?\n\n"
                + "Expect: " + expectation(node);
    }

    /**
     * Runs it for {@code node}; completes with what happened as the node or process said it (the audit
     * line), or null when there is nothing to add to the expectation; fails with the reason.
     */
    CompletableFuture<String> execute(NodeStatus node);
}
