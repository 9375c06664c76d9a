package org.relaymq.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relaymq.console.fx.FxActions.onFx;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.console.fx.FxActions;
import org.relaymq.console.fx.FxUiExecutor;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.ui.nodes.NodeRow;
import org.relaymq.console.ui.registrations.RegistrationRow;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console on the real demo cluster started by its supervisor: two NameServers (scan 200 ms,
 * expiry 3 s) and four real brokers (register every second), plus the clients the runtime has.
 * kill -9 a master: both NameServers show it disconnected at once; pause a master: expired after the
 * expiry, registered again after resume; partition it from the Nodes view: expired with its connections
 * open, registered again after Heal; the routing view shows the producer's sends skipping the dead broker. Runs in failsafe only (it starts nine processes).
 *
 * <p>The scene changes all the time here (live events), so every lookup and every read of a control's
 * items runs on the FX thread: TestFX walks the scene graph on the calling thread, and a children
 * list that changes under it fails the lookup (seen on CI as an IndexOutOfBoundsException).
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "relaymq.runtime.jar", matches = ".+")
class ConsoleWalkthroughUiIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String MASTER_A = "broker-a / 0 (master)";
    private static final String MASTER_B = "broker-b / 0 (master)";

    @TempDir
    static Path dataDir;

    private ConsoleContext context;

    @Start
    void start(Stage stage) {
        context = new ConsoleContext(DemoTimings.fastOptions(dataDir.resolve("demo"), PreferencesStore.inMemory()),
                new FxUiExecutor(), () -> stage);
        Scene scene = new Scene(context.load(), 1260, 780);
        scene.getStylesheets().add(ConsoleContext.stylesheet("console.css"));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopEverything() {
        List<Long> pids = context.supervisor().statuses().stream().map(NodeStatus::pid).filter(p -> p > 0).toList();
        context.close();
        pids.forEach(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("pid %d", pid).isFalse());
    }

    private String address(String id) {
        return context.supervisor().status(id).orElseThrow().address();
    }

    private static boolean row(TableView<RegistrationRow> table, String ns, String broker, Predicate<String> status) {
        return onFx(() -> List.copyOf(table.getItems())).stream().anyMatch(r -> r.nameServer().equals(ns)
                && r.broker().equals(broker) && status.test(r.status()));
    }

    private boolean onBoth(TableView<RegistrationRow> table, String broker, Predicate<String> status) {
        return row(table, address("namesrv-1"), broker, status) && row(table, address("namesrv-2"), broker, status);
    }

    private String faultsOf(String nodeId) {
        return onFx(() -> List.copyOf(context.nodes().rows())).stream().filter(r -> r.id().equals(nodeId))
                .map(NodeRow::faults).findFirst().orElse("");
    }

    private String logsOfNodesNotRunning() {
        StringBuilder out = new StringBuilder();
        context.supervisor().statuses().stream().filter(s -> s.state() != NodeState.RUNNING).forEach(s -> out
                .append("\n--- ").append(s.id()).append(": ").append(s.detail()).append('\n')
                .append(String.join("\n", context.supervisor().log(s.id()))));
        return out.toString();
    }

    @Test
    void killShowsDisconnectedPauseShowsExpiredAndResumeRegistersAgain(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> context.main().startDemo());
        await().atMost(START).until(() -> context.supervisor().statuses().size() == 9 && context.supervisor()
                .statuses().stream().allMatch(s -> s.state() != NodeState.NEW && s.state() != NodeState.STARTING));
        assertThat(context.supervisor().statuses()).as(this::logsOfNodesNotRunning)
                .allMatch(s -> s.state() == NodeState.RUNNING);
        TableView<RegistrationRow> table = onFx(() -> robot.lookup("#registrationsTable").queryTableView());
        for (String broker : List.of(MASTER_A, "broker-a / 1 (slave)", MASTER_B, "broker-b / 1 (slave)")) {
            await().atMost(Duration.ofSeconds(15)).until(() -> onBoth(table, broker, "registered"::equals));
        }

        context.supervisor().kill("broker-a-master").get();
        await().atMost(Duration.ofSeconds(5)).until(() -> onBoth(table, MASTER_A,
                "disconnected (connection closed)"::equals));

        context.supervisor().pause("broker-b-master").get();
        await().atMost(Duration.ofSeconds(10)).until(() -> onBoth(table, MASTER_B, s -> s.startsWith("expired")));
        context.supervisor().resume("broker-b-master").get();
        await().atMost(Duration.ofSeconds(10)).until(() -> onBoth(table, MASTER_B, "registered"::equals));

        // partition broker-b's master from the Nodes view (presenting mode: no confirmation): its connections stay
        // open and its registrations are dropped, so the NameServers report it expired; healed, it registers again
        onFx(() -> {
            context.presenter().presentingModeProperty().set(true);
            context.mainView().select("nodesTab");
            context.nodes().selectedIdProperty().set("broker-b-master");
            return null;
        });
        FxActions.click(robot, "#partitionButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> faultsOf("broker-b-master").startsWith("partitioned"));
        await().atMost(Duration.ofSeconds(10)).until(() -> onBoth(table, MASTER_B, s -> s.startsWith("expired")));
        FxActions.click(robot, "#healButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> onBoth(table, MASTER_B, "registered"::equals));
        await().atMost(Duration.ofSeconds(10)).until(() -> faultsOf("broker-b-master").startsWith("—")
                && !faultsOf("broker-b-master").contains("asked"));

        FxActions.click(robot, "Routing");
        ListView<String> decisions = onFx(() -> robot.lookup("#decisionList").queryListView());
        await().atMost(Duration.ofSeconds(15)).until(() -> onFx(() -> List.copyOf(decisions.getItems())).stream()
                .anyMatch(d -> d.contains("SEND_DECISION") && d.contains("→ broker-b")
                        && d.contains("skipped broker-a (")));
        assertThat(onFx(() -> robot.lookup("#routingMessageLabel").queryLabeled().getText())).isEmpty();
    }
}
