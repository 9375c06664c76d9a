package org.relaymq.console.fx;

import java.io.File;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The native save dialog. */
public final class FxFileChooser implements FileChooserService {

    private final Supplier<Window> owner;

    public FxFileChooser(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseSaveFile(String title, String suggestedName, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension.toUpperCase(java.util.Locale.ROOT),
                "*." + extension));
        File file = chooser.showSaveDialog(owner.get());
        return Optional.ofNullable(file).map(File::toPath);
    }
}
