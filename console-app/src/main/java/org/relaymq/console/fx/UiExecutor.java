package org.relaymq.console.fx;

/**
 * Where view-model state changes run. The console's version hands work to the JavaFX thread;
 * tests use {@link #sameThread()}, so a view model is driven without a toolkit.
 */
@FunctionalInterface
public interface UiExecutor {

    void execute(Runnable task);

    /** Runs every task at once on the calling thread (tests, and code already on the UI thread). */
    static UiExecutor sameThread() {
        return Runnable::run;
    }
}
