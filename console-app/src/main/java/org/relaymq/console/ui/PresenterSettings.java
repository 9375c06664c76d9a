package org.relaymq.console.ui;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;

/** Settings for presenting to a room: no confirmations, larger fonts, dark or light theme. */
public final class PresenterSettings {

    private final BooleanProperty presentingMode = new SimpleBooleanProperty();
    private final DoubleProperty fontScale = new SimpleDoubleProperty(1.0);
    private final BooleanProperty darkTheme = new SimpleBooleanProperty();

    /** On: destructive operations run without asking (the trainer already said what will happen). */
    public BooleanProperty presentingModeProperty() {
        return presentingMode;
    }

    public DoubleProperty fontScaleProperty() {
        return fontScale;
    }

    public BooleanProperty darkThemeProperty() {
        return darkTheme;
    }
}
