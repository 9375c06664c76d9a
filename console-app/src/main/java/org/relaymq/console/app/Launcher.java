package org.relaymq.console.app;

import javafx.application.Application;

/**
 * Plain main class (not an {@link Application}), so a fat jar or jpackage image starts the console
 * from the class path without JavaFX module flags.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        Application.launch(RelayMqConsole.class, args);
    }
}
