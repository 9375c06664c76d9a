package org.relaymq.console.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.relaymq.console.fx.FxUiExecutor;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.runtime.testkit.WireBrokerRegistrar;

/**
 * Starts the real console headless (Monocle) on a real local cluster (the demo plan's NameServers as
 * processes, brokers played over the wire until the broker command exists), drives it to a telling
 * state and writes {@code registrations.png}, {@code timeline.png}, {@code nodes.png}, {@code routing.png}.
 */
public final class ScreenshotTool {

    private static final Map<String, String> SHOTS = Map.of("registrationsTab", "registrations.png",
            "timelineTab", "timeline.png", "nodesTab", "nodes.png", "routingTab", "routing.png");

    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        run(Path.of(args.length > 0 ? args[0] : "screenshots"));
        Platform.exit();
    }

    public static List<Path> run(Path outDir) throws Exception {
        Files.createDirectories(outDir);
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException alreadyRunning) {
            // the toolkit is up (e.g. inside a test JVM)
        }
        Path data = Files.createTempDirectory("relaymq-screens");
        AtomicReference<ConsoleContext> ctx = new AtomicReference<>();
        AtomicReference<Scene> scene = new AtomicReference<>();
        onFx(() -> {
            Stage stage = new Stage();
            ctx.set(new ConsoleContext(new ConsoleOptions(data, List.of(), false, null, PreferencesStore.inMemory()),
                    new FxUiExecutor(), () -> stage));
            scene.set(new Scene(ctx.get().load(), 1260, 780));
            scene.get().getStylesheets().add(ConsoleContext.stylesheet("console.css"));
            stage.setScene(scene.get());
            stage.show();
            ctx.get().main().startDemo();
        });
        try (WireBrokerRegistrar a = new WireBrokerRegistrar("DemoCluster", "broker-a", 0, "127.0.0.1:20911")
                .topic("DemoTopic", 4);
             WireBrokerRegistrar b = new WireBrokerRegistrar("DemoCluster", "broker-b", 0, "127.0.0.1:20921")
                .topic("DemoTopic", 4)) {
            String ns1 = settled(ctx.get(), "namesrv-1");
            String ns2 = settled(ctx.get(), "namesrv-2");
            for (String ns : List.of(ns1, ns2)) {
                a.register(ns);
                b.register(ns);
            }
            pause(2500);
            a.register(ns1);
            a.register(ns2);
            b.disconnect(ns1);
            pause(2000);
            a.register(ns1);
            pause(1000);
            onFx(() -> ctx.get().nodes().selectedIdProperty().set("broker-a-master"));
            return shoot(ctx.get(), scene.get(), outDir);
        } finally {
            ctx.get().close();
            onFx(() -> scene.get().getWindow().hide());
        }
    }

    private static String settled(ConsoleContext ctx, String id) throws Exception {
        return ctx.supervisor().whenSettled(id).get(30, TimeUnit.SECONDS).address();
    }

    /** Lets the live console run for a while (the screenshots need real heartbeats and countdowns). */
    private static void pause(long millis) throws InterruptedException {
        new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
    }

    private static List<Path> shoot(ConsoleContext ctx, Scene scene, Path outDir) throws Exception {
        List<Path> written = new java.util.ArrayList<>();
        for (var shot : SHOTS.entrySet()) {
            onFx(() -> ctx.mainView().select(shot.getKey()));
            pause(600);
            AtomicReference<WritableImage> image = new AtomicReference<>();
            onFx(() -> image.set(scene.snapshot(null)));
            Path file = outDir.resolve(shot.getValue());
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(image.get(), null), "png", file.toFile());
            } catch (IOException e) {
                throw new IOException("cannot write " + file, e);
            }
            written.add(file);
        }
        return written;
    }

    private static void onFx(Runnable r) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                r.run();
                done.complete(null);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        done.get(30, TimeUnit.SECONDS);
    }
}
