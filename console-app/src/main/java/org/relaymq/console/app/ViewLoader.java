package org.relaymq.console.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads an FXML view with a controller factory that hands out the already built view object. */
public final class ViewLoader {

    private ViewLoader() {
    }

    public static Parent load(String resource, Object controller) {
        URL url = Objects.requireNonNull(ViewLoader.class.getResource(resource), "missing FXML " + resource);
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(type -> {
            if (type.isInstance(controller)) {
                return controller;
            }
            throw new IllegalStateException(resource + " asks for controller " + type.getName() + ", have "
                    + controller.getClass().getName());
        });
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + resource, e);
        }
    }
}
