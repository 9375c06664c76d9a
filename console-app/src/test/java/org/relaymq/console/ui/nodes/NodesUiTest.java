package org.relaymq.console.ui.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaymq.console.app.ViewLoader;
import org.relaymq.console.fx.FxActions;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.service.FakeProcess;
import org.relaymq.console.service.FakeSignals;
import org.relaymq.console.service.NodeFaults;
import org.relaymq.console.service.NodeSpec;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.service.NodeTimings;
import org.relaymq.console.service.operations.NodeOperation;
import org.relaymq.console.service.operations.NodeOperations;
import org.relaymq.console.ui.PresenterSettings;
import org.relaymq.runtime.common.time.ManualClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class NodesUiTest {

    private static final String BROKER = "127.0.0.1:10911";

    private final ManualClock clock = new ManualClock();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final FakeSignals signals = FakeSignals.recording();
    private final PresenterSettings presenter = new PresenterSettings();
    private final FakeClusterGateway gateway = new FakeClusterGateway().answeringFaults();
    private NodeSupervisor supervisor;
    private NodeFaults faults;
    private NodesViewModel model;

    @Start
    void start(Stage stage) {
        supervisor = new NodeSupervisor((spec, extra) -> new FakeProcess().print("starting")
                .print("READY " + spec.role() + " " + ("broker".equals(spec.role()) ? BROKER : "127.0.0.1:19876")),
                signals, clock, clock, NodeSupervisor.Settings.defaults());
        faults = new NodeFaults(supervisor, gateway, clock, clock, NodeFaults.Settings.defaults());
        List<NodeOperation> operations = new ArrayList<>(NodeOperations.forSupervisor(supervisor));
        operations.addAll(NodeOperations.forFaults(faults, NodeTimings.unknown()));
        model = new NodesViewModel(new NodesViewModel.Deps(supervisor, gateway, faults, clock,
                r -> WaitForAsyncUtils.asyncFx(r), Runnable::run, (title, q) -> asked.add(q), presenter, 3000),
                operations);
        supervisor.add(new NodeSpec("namesrv-1", "namesrv", "namesrv", List.of(), null));
        supervisor.add(new NodeSpec("broker-a", "broker", "broker", List.of(), null));
        stage.setScene(new Scene(ViewLoader.load("/org/relaymq/console/ui/nodes/NodesView.fxml", new NodesView(model)),
                1260, 700));
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stop() {
        faults.close();
        supervisor.close();
    }

    private NodeState state() {
        return state("namesrv-1");
    }

    private NodeState state(String id) {
        return supervisor.status(id).orElseThrow().state();
    }

    private String faultsCell(String id) {
        return FxActions.onFx(() -> model.rows().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow()
                .faults());
    }

    /** A cell of the table shows {@code text} (the Faults column is bound and visible). */
    private boolean tableShows(FxRobot robot, String text) {
        return FxActions.onFx(() -> robot.lookup("#nodesTable .table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof TableCell<?, ?> c && text.equals(c.getText())));
    }

    private boolean disabled(FxRobot robot, String button) {
        return FxActions.onFx(() -> robot.lookup(button).queryButton().isDisabled());
    }

    @Test
    void buttonsFollowTheSelectedNodeAndDestructiveOnesAskFirst(FxRobot robot) {
        TableView<NodeRow> table = robot.lookup("#nodesTable").queryTableView();
        assertThat(robot.lookup("#startButton").queryButton().isDisabled()).isTrue();
        FxActions.click(robot, "namesrv-1");
        assertThat(robot.lookup("#startButton").queryButton().isDisabled()).isFalse();
        FxActions.click(robot, "#startButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.RUNNING);
        WaitForAsyncUtils.asyncFx(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems().get(0).address()).isEqualTo("127.0.0.1:19876");
        assertThat(robot.lookup("#logList").queryListView().getItems()).contains("READY namesrv 127.0.0.1:19876");

        FxActions.click(robot, "#pauseButton");
        assertThat(asked).singleElement().asString().contains("nothing happens until the expiry notices");
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.PAUSED);
        assertThat(signals.sent()).containsExactly("STOP");

        presenter.presentingModeProperty().set(true);
        WaitForAsyncUtils.asyncFx(model::refresh);
        WaitForAsyncUtils.waitForFxEvents();
        Button kill = robot.lookup("#killButton").queryButton();
        assertThat(kill.getTooltip().getText()).contains("the NameServers drop it at once (connection closed)");
        FxActions.click(robot, kill);
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.KILLED);
        assertThat(asked).hasSize(1);
        assertThat(robot.lookup("#messageLabel").queryLabeled().getText()).contains("Kill -9 namesrv-1");
    }

    @Test
    void partitionDelayAndHealReachTheSelectedBrokerAndTheTableShowsWhatItAnswered(FxRobot robot) {
        FxActions.click(robot, "broker-a");
        assertThat(disabled(robot, "#partitionButton")).as("not running").isTrue();
        FxActions.click(robot, "#startButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> state("broker-a") == NodeState.RUNNING
                && !gateway.faultCalls().isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> "—".equals(faultsCell("broker-a")));
        assertThat(disabled(robot, "#healButton")).as("the node said it has no faults").isTrue();
        assertThat(disabled(robot, "#partitionButton")).isFalse();
        Button partition = robot.lookup("#partitionButton").queryButton();
        assertThat(FxActions.onFx(() -> partition.getTooltip().getText()))
                .contains("the NameServers notice only when the broker expiry passes").endsWith("[Shortcut+Shift+P]");

        FxActions.click(robot, "#partitionButton");
        assertThat(asked).singleElement().asString().startsWith("Partition broker-a")
                .contains("its connections stay open but every frame it sends is dropped");
        assertThat(gateway.setCalls()).singleElement().satisfies(c -> {
            assertThat(c.address()).isEqualTo(BROKER);
            assertThat(c.rules()).isEqualTo(NodeOperations.PARTITION);
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> tableShows(robot, "partitioned (drop *)"));
        assertThat(robot.lookup("#messageLabel").queryLabeled().getText())
                .startsWith("Partition broker-a — the node answered: drop *");

        presenter.presentingModeProperty().set(true);
        robot.push(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        await().atMost(Duration.ofSeconds(10)).until(() -> tableShows(robot, "delayed 1000 ms"));
        assertThat(gateway.setCalls()).last().satisfies(c -> assertThat(c.rules()).isEqualTo(NodeOperations.DELAY));
        assertThat(state("broker-a")).isEqualTo(NodeState.RUNNING);

        FxActions.click(robot, "#healButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> "—".equals(faultsCell("broker-a")));
        assertThat(gateway.setCalls()).last().satisfies(c -> {
            assertThat(c.address()).isEqualTo(BROKER);
            assertThat(c.rules().isEmpty()).isTrue();
        });
        assertThat(tableShows(robot, "delayed 1000 ms")).isFalse();
        assertThat(disabled(robot, "#healButton")).isTrue();
        assertThat(asked).as("presenting mode, and Heal never asks").hasSize(1);
        assertThat(signals.sent()).as("no shortcut reached Pause").isEmpty();
    }
}
