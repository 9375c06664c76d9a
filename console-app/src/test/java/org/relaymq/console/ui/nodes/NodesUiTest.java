package org.relaymq.console.ui.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaymq.console.app.ViewLoader;
import org.relaymq.console.fx.FxActions;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.service.FakeProcess;
import org.relaymq.console.service.NodeSpec;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.service.SignalSender;
import org.relaymq.console.service.operations.NodeOperations;
import org.relaymq.console.ui.PresenterSettings;
import org.relaymq.runtime.common.time.ManualClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class NodesUiTest {

    private final ManualClock clock = new ManualClock();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final List<String> signals = new CopyOnWriteArrayList<>();
    private final PresenterSettings presenter = new PresenterSettings();
    private NodeSupervisor supervisor;
    private NodesViewModel model;

    @Start
    void start(Stage stage) {
        supervisor = new NodeSupervisor((spec, extra) -> new FakeProcess().print("starting")
                .print("READY namesrv 127.0.0.1:19876"), new RecordingSignals(), clock, clock,
                NodeSupervisor.Settings.defaults());
        model = new NodesViewModel(new NodesViewModel.Deps(supervisor, new FakeClusterGateway(), clock,
                r -> WaitForAsyncUtils.asyncFx(r), Runnable::run, (title, q) -> asked.add(q), presenter, 3000),
                NodeOperations.forSupervisor(supervisor));
        supervisor.add(new NodeSpec("namesrv-1", "namesrv", "namesrv", List.of(), null));
        stage.setScene(new Scene(ViewLoader.load("/org/relaymq/console/ui/nodes/NodesView.fxml", new NodesView(model)),
                1260, 700));
        stage.show();
        model.refresh();
    }

    @AfterEach
    void stop() {
        supervisor.close();
    }

    private NodeState state() {
        return supervisor.status("namesrv-1").orElseThrow().state();
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
        assertThat(signals).containsExactly("STOP");

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

    private final class RecordingSignals implements SignalSender {
        @Override
        public boolean supported() {
            return true;
        }

        @Override
        public String unsupportedReason() {
            return "";
        }

        @Override
        public void pause(long pid) {
            signals.add("STOP");
        }

        @Override
        public void resume(long pid) {
            signals.add("CONT");
        }
    }
}
