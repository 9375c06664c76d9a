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
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.relaymq.console.fx.FxUiExecutor;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.operations.NodeOperations;
import org.relaymq.console.ui.registrations.RegistrationRow;
import org.relaymq.console.ui.timeline.TimelineEntry;
import org.relaymq.protocol.event.EventKind;

/**
 * Starts the real console headless (Monocle) on the real demo cluster (its supervisor starts every
 * node as a process, with short timings), waits for the producer to send, pauses broker-b's master
 * until both NameServers expire it, resumes it, kills broker-a's master with kill -9, and writes one
 * PNG per view: registrations (the disconnected rows), timeline (the expiry after the pause), nodes,
 * routing (sends skipping the dead broker), topology and charts (rates with the fault moments).
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

    /**
     * Once every node runs and the producer sends: pause broker-b's master until both NameServers expire
     * it, resume it, then kill -9 broker-a's master and let the producer route around it, and partition
     * broker-b's slave until both NameServers expire it.
     */
    private static void drive(ConsoleContext ctx) throws Exception {
        waitUntil("the nodes to start", () -> ctx.supervisor().statuses().size() == 9 && ctx.supervisor()
                .statuses().stream().allMatch(s -> s.state() == NodeState.RUNNING));
        waitUntil("8 registrations", () -> count(ctx, "registered") == 8);
        waitUntil("the producer to send", () -> decisions(ctx).stream().filter(d -> d.contains("SEND_RESULT"))
                .count() >= 10);
        ctx.supervisor().pause("broker-b-master").get();
        waitUntil("broker-b's master to expire", () -> count(ctx, "expired") == 2);
        ctx.supervisor().resume("broker-b-master").get();
        waitUntil("broker-b's master to register again", () -> count(ctx, "registered") == 8);
        pause(3000);
        ctx.supervisor().kill("broker-a-master").get();
        waitUntil("broker-a's master to show disconnected", () -> count(ctx, "disconnected") == 2);
        waitUntil("the producer to skip broker-a", () -> decisions(ctx).stream().limit(6)
                .anyMatch(d -> d.contains("skipped broker-a")));
        ctx.faults().set("broker-b-slave", NodeOperations.PARTITION).get(10, TimeUnit.SECONDS);
        waitUntil("broker-b's partitioned slave to expire", () -> count(ctx, "expired") == 2);
        pause(3000);
        onFx(() -> ctx.nodes().selectedIdProperty().set("broker-a-master"));
    }

    private static List<String> decisions(ConsoleContext ctx) {
        AtomicReference<List<String>> out = new AtomicReference<>(List.of());
        try {
            onFx(() -> out.set(List.copyOf(ctx.routing().decisions())));
        } catch (Exception e) {
            return List.of();
        }
        return out.get();
    }

    /** Scrolls the event table to the latest expiry (the partitioned slave's) and selects it. */
    @SuppressWarnings("unchecked")
    private static void showLatestExpiry(Scene scene) {
        TableView<TimelineEntry> table = (TableView<TimelineEntry>) scene.lookup("#eventsTable");
        for (int i = table.getItems().size() - 1; i >= 0; i--) {
            if (table.getItems().get(i).kind().equals(EventKind.BROKER_EXPIRED)) {
                table.getSelectionModel().select(i);
                table.scrollTo(Math.max(0, i - 6));
                return;
            }
        }
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
            if (shot.tab().equals("timelineTab")) {
                pause(300);
                onFx(() -> showLatestExpiry(scene));
            }
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
