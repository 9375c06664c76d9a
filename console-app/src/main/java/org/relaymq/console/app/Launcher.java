package org.relaymq.console.app;

import java.util.List;
import javafx.application.Application;
import org.relaymq.protocol.RelayMqVersion;

/**
 * Plain main class (not an {@link Application}), so a fat jar or jpackage image starts the console
 * from the class path without JavaFX module flags. {@code --version} prints the version without
 * starting the toolkit; {@code --self-check} is described in {@link SelfCheck}.
 */
public final class Launcher {

    private Launcher() {
    }

    public static void main(String[] args) {
        if (List.of(args).contains("--version")) {
            System.out.println("relaymq-console " + RelayMqVersion.version());
            System.out.println(RelayMqVersion.vendor() + " - Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.home") + ")");
            return;
        }
        Application.launch(RelayMqConsole.class, args);
    }
}
