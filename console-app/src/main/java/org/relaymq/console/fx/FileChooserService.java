package org.relaymq.console.fx;

import java.nio.file.Path;
import java.util.Optional;

/** Picks a file to save to (a native file chooser in the app, a fixed path in tests). */
@FunctionalInterface
public interface FileChooserService {

    /** The chosen path, or empty if the person cancelled. */
    Optional<Path> chooseSaveFile(String title, String suggestedName, String extension);
}
