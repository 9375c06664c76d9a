package org.relaymq.console.fx;

import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** A confirmation dialog owned by the console window. */
public final class FxConfirmer implements Confirmer {

    private final Supplier<Window> owner;

    public FxConfirmer(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean confirm(String title, String question) {
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        alert.initOwner(owner.get());
        return alert.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
