package org.relaymq.console.ui.nodes;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.service.operations.NodeOperation;

/**
 * A node operation bound to the view: enabled when it applies to the selected node, its tooltip
 * saying what the room should expect for that node.
 */
public final class OperationCommand {

    private final NodeOperation operation;
    private final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper tooltip = new ReadOnlyStringWrapper();
    private final Runnable run;

    OperationCommand(NodeOperation operation, Runnable run) {
        this.operation = operation;
        this.run = run;
        select(null);
    }

    public NodeOperation operation() {
        return operation;
    }

    public ReadOnlyBooleanProperty executableProperty() {
        return executable.getReadOnlyProperty();
    }

    /** Button tooltip: what the room should expect (for the selected node), and the shortcut. */
    public ReadOnlyStringProperty tooltipProperty() {
        return tooltip.getReadOnlyProperty();
    }

    /** Follows the selected node (null: none). */
    void select(NodeStatus node) {
        executable.set(node != null && operation.appliesTo(node));
        tooltip.set(operation.expectation(node) + "  [" + operation.shortcut() + "]");
    }

    public void run() {
        if (executable.get()) {
            run.run();
        }
    }
}
