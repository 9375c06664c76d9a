package org.relaymq.console.ui;

/** How alarming a value is; views turn it into a colour (style class {@code level-ok} etc.). */
public enum Level {
    OK, WARN, DANGER, GONE, UNKNOWN;

    public String styleClass() {
        return "level-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
