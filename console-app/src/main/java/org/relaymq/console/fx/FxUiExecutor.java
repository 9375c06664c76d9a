package org.relaymq.console.fx;

import javafx.application.Platform;

/** The only place that calls {@link Platform#runLater}: runs at once when already on the FX thread. */
public final class FxUiExecutor implements UiExecutor {

    @Override
    public void execute(Runnable task) {
        if (Platform.isFxApplicationThread()) {
            task.run();
        } else {
            Platform.runLater(task);
        }
    }
}
