package org.relaymq.console.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.relaymq.console.fx.FxUiExecutor;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.ui.registrations.RegistrationRow;

/**
 * Starts the real console headless (Monocle) on the real demo cluster (its supervisor starts every
 * node as a process, with short timings), pauses broker-b's master until both NameServers expire it,
 * resumes it, kills broker-a's master with kill -9, and writes one PNG per view: registrations (the
 * disconnected row), timeline (the expiry after the pause), nodes, routing (during the failover),
 * topology and charts.
 */
public final class ScreenshotTool {

    private record Shot(String tab, String file) {
    }

    private static final List<Shot> SHOTS = List.of(new Shot("registrationsTab", "registrations.png"),
            new Shot("timelineTab", "timeline.png"), new Shot("nodesTab", "nodes.png"),
            new Shot("routingTab", "routing.png"), new Shot("topologyTab", "topology.png"),
            new Shot("chartsTab", "charts.png"));

    private static final Duration WAIT = Duration.ofSeconds(60);

    private ScreenshotTool() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        System.setProperty("java.awt.headless", "true");
        List<Path> written = run(Path.of(args.length > 0 ? args[0] : "screenshots"));
        written.forEach(p -> System.out.println("wrote " + p.toAbsolutePath().normalize()));
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
            ctx.set(new ConsoleContext(DemoTimings.fastOptions(data, PreferencesStore.inMemory()),
                    new FxUiExecutor(), () -> stage));
            scene.set(new Scene(ctx.get().load(), 1260, 780));
            scene.get().getStylesheets().add(ConsoleContext.stylesheet("console.css"));
            stage.setScene(scene.get());
            stage.show();
            ctx.get().main().startDemo();
        });
        try {
            drive(ctx.get());
            return shoot(ctx.get(), scene.get(), outDir);
        } finally {
            ctx.get().close();
            onFx(() -> scene.get().getWindow().hide());
        }
    }

    /** Pause broker-b's master until it expires, resume it, then kill -9 broker-a's master. */
    private static void drive(ConsoleContext ctx) throws Exception {
        waitUntil("the brokers to start", () -> ctx.supervisor().statuses().size() == 9 && ctx.supervisor()
                .statuses().stream().filter(s -> s.role().equals("broker")).allMatch(s -> s.state() == NodeState.RUNNING));
        waitUntil("8 registrations", () -> count(ctx, "registered") == 8);
        ctx.supervisor().pause("broker-b-master").get();
        waitUntil("broker-b's master to expire", () -> count(ctx, "expired") == 2);
        ctx.supervisor().resume("broker-b-master").get();
        waitUntil("broker-b's master to register again", () -> count(ctx, "registered") == 8);
        ctx.supervisor().kill("broker-a-master").get();
        waitUntil("broker-a's master to show disconnected", () -> count(ctx, "disconnected") == 2);
        pause(4000);
        onFx(() -> ctx.nodes().selectedIdProperty().set("broker-a-master"));
    }

    private static long count(ConsoleContext ctx, String statusPrefix) {
        AtomicReference<List<RegistrationRow>> rows = new AtomicReference<>();
        try {
            onFx(() -> rows.set(List.copyOf(ctx.registrations().rows())));
        } catch (Exception e) {
            return -1;
        }
        return rows.get().stream().filter(r -> r.status().startsWith(statusPrefix)).count();
    }

    private static void waitUntil(String what, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("gave up waiting for " + what);
            }
            pause(200);
        }
    }

    /** Lets the live console run for a while (the screenshots need real heartbeats and countdowns). */
    private static void pause(long millis) throws InterruptedException {
        new CountDownLatch(1).await(millis, TimeUnit.MILLISECONDS);
    }

    private static List<Path> shoot(ConsoleContext ctx, Scene scene, Path outDir) throws Exception {
        List<Path> written = new ArrayList<>();
        for (Shot shot : SHOTS) {
            onFx(() -> ctx.mainView().select(shot.tab()));
            pause(600);
            AtomicReference<WritableImage> image = new AtomicReference<>();
            onFx(() -> image.set(scene.snapshot(null)));
            Path file = outDir.resolve(shot.file());
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
