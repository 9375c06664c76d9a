package org.relaymq.console.ui.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.console.app.ConsoleContext;
import org.relaymq.console.app.ViewLoader;
import org.relaymq.console.fx.CloseDialog;
import org.relaymq.console.fx.FxActions;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.DemoCluster;
import org.relaymq.console.service.DemoClusterPlan;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.service.FakeProcess;
import org.relaymq.console.service.KillCommandSignals;
import org.relaymq.console.service.NodeFaults;
import org.relaymq.console.service.NodeSpec;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.service.operations.NodeOperations;
import org.relaymq.console.ui.PresenterSettings;
import org.relaymq.console.ui.nodes.NodesView;
import org.relaymq.console.ui.nodes.NodesViewModel;
import org.relaymq.runtime.common.time.ManualClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The presenter features on the real main window (with the real Nodes view in its tab): font
 * slider, dark theme, the presenting-mode toggle of the toolbar, and the fault buttons' shortcuts.
 */
@ExtendWith(ApplicationExtension.class)
class PresenterUiTest {

    private static final String DARK = ConsoleContext.stylesheet("dark.css");
    private static final String LIGHT = ConsoleContext.stylesheet("console.css");

    @TempDir
    static Path dir;

    private final ManualClock clock = new ManualClock();
    private final List<String> asked = new CopyOnWriteArrayList<>();
    private final PresenterSettings presenter = new PresenterSettings();
    private NodeSupervisor supervisor;
    private NodesViewModel nodes;
    private Scene scene;

    @Start
    void start(Stage stage) {
        supervisor = new NodeSupervisor((spec, extra) -> new FakeProcess().print("READY namesrv 127.0.0.1:19876"),
                new KillCommandSignals(), clock, clock, NodeSupervisor.Settings.defaults());
        UiExecutor ui = r -> WaitForAsyncUtils.asyncFx(r);
        FakeClusterGateway gateway = new FakeClusterGateway();
        NodeFaults faults = new NodeFaults(supervisor, gateway, clock, clock, NodeFaults.Settings.defaults());
        nodes = new NodesViewModel(new NodesViewModel.Deps(supervisor, gateway, faults, clock, ui,
                Runnable::run, (title, q) -> asked.add(q), presenter, 3000), NodeOperations.forSupervisor(supervisor));
        MainViewModel main = new MainViewModel(new MainViewModel.Deps(supervisor, new FakeClusterGateway(),
                new DemoCluster(supervisor, DemoClusterPlan.classroom(dir)), ui, (title, q) -> true,
                running -> CloseDialog.Choice.CANCEL, PreferencesStore.inMemory(), presenter, ns -> { }));
        Map<String, Parent> tabs = Map.of("nodesTab",
                ViewLoader.load("/org/relaymq/console/ui/nodes/NodesView.fxml", new NodesView(nodes)));
        MainView view = new MainView(main, tabs, DARK);
        scene = new Scene(ViewLoader.load("/org/relaymq/console/ui/main/MainView.fxml", view), 1260, 780);
        scene.getStylesheets().add(LIGHT);
        supervisor.add(new NodeSpec("namesrv-1", "namesrv", "namesrv", List.of(), null));
        view.select("nodesTab");
        stage.setScene(scene);
        stage.show();
        nodes.refresh();
    }

    @AfterEach
    void stop() {
        supervisor.close();
    }

    private NodeState state() {
        return supervisor.status("namesrv-1").orElseThrow().state();
    }

    private void refresh() {
        WaitForAsyncUtils.asyncFx(nodes::refresh);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void startNode(FxRobot robot) {
        FxActions.click(robot, "namesrv-1");
        FxActions.click(robot, "#startButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.RUNNING);
        refresh();
    }

    @Test
    void movingTheFontSliderEnlargesTheTextOfTheWholeWindow(FxRobot robot) {
        Parent root = scene.getRoot();
        Label status = robot.lookup("#statusLabel").queryAs(Label.class);
        Label title = robot.lookup(".view-title").queryAs(Label.class);
        double statusBefore = status.getFont().getSize();
        double titleBefore = title.getFont().getSize();
        assertThat(statusBefore).isEqualTo(13.0);

        Slider slider = robot.lookup("#fontScaleSlider").queryAs(Slider.class);
        FxActions.click(robot, slider);
        WaitForAsyncUtils.waitForFxEvents();

        double scale = presenter.fontScaleProperty().get();
        assertThat(scale).as("clicking the middle of the track").isGreaterThan(1.2).isLessThanOrEqualTo(2.0);
        assertThat(root.getStyle()).contains("-fx-font-size:");
        assertThat(status.getFont().getSize()).isCloseTo(13 * scale, offset(0.1));
        assertThat(title.getFont().getSize()).as("em sizes follow").isGreaterThan(titleBefore);

        robot.interact(() -> presenter.fontScaleProperty().set(1.0));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(slider.getValue()).isEqualTo(1.0);
        assertThat(status.getFont().getSize()).isEqualTo(statusBefore);
    }

    @Test
    void theDarkToggleAddsTheDarkStylesheetAndRemovingItRestoresLight(FxRobot robot) {
        assertThat(scene.getStylesheets()).containsExactly(LIGHT);

        FxActions.click(robot, "#darkThemeToggle");
        assertThat(presenter.darkThemeProperty().get()).isTrue();
        assertThat(scene.getStylesheets()).containsExactly(LIGHT, DARK);

        FxActions.click(robot, "#darkThemeToggle");
        assertThat(presenter.darkThemeProperty().get()).isFalse();
        assertThat(scene.getStylesheets()).containsExactly(LIGHT);

        robot.interact(() -> presenter.darkThemeProperty().set(true));
        robot.interact(() -> presenter.darkThemeProperty().set(true));
        assertThat(scene.getStylesheets()).as("added once").containsExactly(LIGHT, DARK);
        assertThat(robot.lookup("#darkThemeToggle").queryAs(ToggleButton.class).isSelected()).isTrue();
    }

    @Test
    void thePresentingToggleOfTheToolbarDecidesWhetherTheNodesViewAsks(FxRobot robot) {
        startNode(robot);

        FxActions.click(robot, "#presentingToggle");
        assertThat(presenter.presentingModeProperty().get()).isTrue();
        FxActions.click(robot, "namesrv-1");
        FxActions.click(robot, "#killButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.KILLED);
        assertThat(asked).as("presenting: no confirmation").isEmpty();

        refresh();
        FxActions.click(robot, "#startButton");
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.RUNNING);
        refresh();
        FxActions.click(robot, "#presentingToggle");
        assertThat(presenter.presentingModeProperty().get()).isFalse();
        FxActions.click(robot, "#killButton");
        assertThat(asked).as("not presenting: asks first").singleElement().asString().startsWith("Kill -9 namesrv-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.KILLED);
    }

    @Test
    void theShortcutsOfTheFaultButtonsRunTheirOperations(FxRobot robot) {
        FxActions.click(robot, "namesrv-1");
        refresh();

        robot.push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.RUNNING);
        refresh();

        robot.push(new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN));
        assertThat(asked).as("Stop asks like its button").singleElement().asString().startsWith("Stop namesrv-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> !state().alive());
        refresh();

        robot.push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.RUNNING);
        refresh();
        FxActions.click(robot, "#presentingToggle");
        robot.push(new KeyCodeCombination(KeyCode.K, KeyCombination.SHORTCUT_DOWN));
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.KILLED);
        assertThat(asked).hasSize(1);
        assertThat(robot.lookup("#messageLabel").queryLabeled().getText()).contains("Kill -9 namesrv-1");
    }

    @Test
    void shortcutsWorkFromAnotherTabToo(FxRobot robot) {
        FxActions.click(robot, "namesrv-1");
        refresh();
        FxActions.click(robot, "Registrations");
        robot.push(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN));
        await().atMost(Duration.ofSeconds(10)).until(() -> state() == NodeState.RUNNING);
    }
}
