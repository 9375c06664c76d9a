package org.relaymq.console.fx;

import java.util.List;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** The closing question as a dialog. */
public final class FxCloseDialog implements CloseDialog {

    private final Supplier<Window> owner;

    public FxCloseDialog(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Choice ask(List<String> runningNodes) {
        ButtonType stop = new ButtonType("Stop them and quit", ButtonBar.ButtonData.YES);
        ButtonType leave = new ButtonType("Leave them running", ButtonBar.ButtonData.NO);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "This console started " + runningNodes.size()
                + " node(s) that are still running:\n" + String.join("\n", runningNodes), stop, leave, ButtonType.CANCEL);
        alert.setTitle("Nodes still running");
        alert.setHeaderText("Stop the nodes this console started?");
        alert.initOwner(owner.get());
        ButtonType answer = alert.showAndWait().orElse(ButtonType.CANCEL);
        return answer == stop ? Choice.STOP_NODES_AND_QUIT
                : answer == leave ? Choice.LEAVE_RUNNING_AND_QUIT : Choice.CANCEL;
    }
}
