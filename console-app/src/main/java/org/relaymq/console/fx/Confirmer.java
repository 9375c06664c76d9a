package org.relaymq.console.fx;

/** Asks the person at the console to confirm an operation (a dialog in the app, a stub in tests). */
@FunctionalInterface
public interface Confirmer {

    /** True when the operation may go ahead. */
    boolean confirm(String title, String question);

    static Confirmer always() {
        return (title, question) -> true;
    }
}
