package org.relaymq.console.ui.nodes;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import org.relaymq.console.service.operations.NodeOperation;

/** A node operation bound to the view: enabled when it applies to the selected node. */
public final class OperationCommand {

    private final NodeOperation operation;
    private final ReadOnlyBooleanWrapper executable = new ReadOnlyBooleanWrapper();
    private final Runnable run;

    OperationCommand(NodeOperation operation, Runnable run) {
        this.operation = operation;
        this.run = run;
    }

    public NodeOperation operation() {
        return operation;
    }

    public ReadOnlyBooleanProperty executableProperty() {
        return executable.getReadOnlyProperty();
    }

    void setExecutable(boolean value) {
        executable.set(value);
    }

    public void run() {
        if (executable.get()) {
            run.run();
        }
    }

    /** Button tooltip: what the room should expect, and the shortcut. */
    public String tooltip() {
        return operation.expectation() + "  [" + operation.shortcut() + "]";
    }
}
