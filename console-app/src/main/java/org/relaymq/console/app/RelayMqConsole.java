package org.relaymq.console.app;

import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.relaymq.console.fx.FxUiExecutor;
import org.relaymq.console.fx.JavaPreferencesStore;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.service.RuntimeJarLauncher;
import org.relaymq.console.service.RuntimeJarLocator;

/**
 * The RelayMQ console. With no arguments it starts the demo cluster (classroom profile);
 * {@code --attach=host:port;host:port} watches an existing cluster instead.
 */
public final class RelayMqConsole extends Application {

    private ConsoleContext context;
    private WindowLayout layout;
    private Stage stage;
    private volatile boolean selfCheckFailed;

    @Override
    public void start(Stage primaryStage) {
        start(primaryStage, getParameters().getRaw(), new JavaPreferencesStore("/org/relaymq/console"));
    }

    /** {@link #start(Stage)} with the arguments and the remembered settings given (tests). */
    void start(Stage primaryStage, List<String> args, PreferencesStore prefs) {
        this.stage = primaryStage;
        ConsoleOptions options = ConsoleOptions.parse(args, prefs);
        context = new ConsoleContext(options, new FxUiExecutor(), () -> stage);
        Scene scene = new Scene(context.load());
        scene.getStylesheets().add(ConsoleContext.stylesheet("console.css"));
        layout = new WindowLayout(options.prefs());
        layout.restore(stage, context.mainView(), context.presenter());
        stage.setTitle("RelayMQ console");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!context.main().onCloseRequest(Platform::exit)) {
                e.consume();
            }
        });
        stage.show();
        if (options.attach() != null) {
            context.main().attachListProperty().set(options.attach());
            context.main().attach();
        } else if (options.startDemo()) {
            context.main().startDemo();
        }
        if (SelfCheck.requested(args)) {
            selfCheck(options);
        }
    }

    /** {@code --self-check}: one result line, then exit (see {@link SelfCheck}). */
    private void selfCheck(ConsoleOptions options) {
        new SelfCheck(context.supervisor(), options.attach() == null && options.startDemo())
                .start(stage.isShowing())
                .thenAccept(failure -> {
                    SelfCheck.report(failure, RuntimeJarLauncher.currentJava(), RuntimeJarLocator.forThisJvm().find(),
                            System.out);
                    selfCheckFailed = failure != null;
                    Platform.exit();
                });
    }

    @Override
    public void stop() {
        if (context != null) {
            layout.save(stage, context.mainView(), context.presenter());
            context.close();
        }
        if (selfCheckFailed) {
            System.exit(1);
        }
    }
}
