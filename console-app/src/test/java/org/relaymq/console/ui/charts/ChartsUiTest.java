package org.relaymq.console.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.console.ui.charts.ChartsViewModelTest.BROKER;
import static org.relaymq.console.ui.charts.ChartsViewModelTest.BROKER_NODE;
import static org.relaymq.console.ui.charts.ChartsViewModelTest.brokerSnapshot;
import static org.relaymq.console.ui.charts.ChartsViewModelTest.storeStats;

import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaymq.console.app.ConsoleContext;
import org.relaymq.console.app.ViewLoader;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.runtime.common.time.ManualClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class ChartsUiTest {

    private final ManualClock clock = new ManualClock();
    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private ChartsViewModel model;

    @Start
    void start(Stage stage) {
        model = new ChartsViewModel(clock, UiExecutor.sameThread(), 3000);
        gateway.addListener(model);
        Scene scene = new Scene(ViewLoader.load("/org/relaymq/console/ui/charts/ChartsView.fxml",
                new ChartsView(model)), 1200, 700);
        scene.getStylesheets().add(ConsoleContext.stylesheet("console.css"));
        stage.setScene(scene);
        stage.show();
    }

    private void onFx(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void brokerLinesAndFaultMomentsAreDrawnAndTheLineTurnsStale(FxRobot robot) {
        assertThat(robot.lookup("#chartsMessageLabel").queryLabeled().getText()).startsWith("UNKNOWN");
        onFx(() -> {
            gateway.snapshot(BROKER, BROKER_NODE, brokerSnapshot("broker-a", 0));
            gateway.event(BROKER, storeStats(1, 2.0, 1.0));
            clock.advanceMillis(1000);
            gateway.event(BROKER, storeStats(2, 2.0, 2.0));
            model.onNodeStatus(new NodeStatus("broker-a-master", "broker", NodeState.KILLED, "kill -9", 7, BROKER, 0));
        });
        LineChart<Number, Number> sends = robot.lookup("#sendChart").query();
        assertThat(sends.getData()).extracting(s -> s.getName()).containsExactly("stored broker-a master", "faults");
        assertThat(sends.getData().get(0).getData()).hasSize(2);
        assertThat(robot.lookup("#faultList").queryListView().getItems()).singleElement().asString()
                .endsWith("ago: broker-a-master kill -9");

        onFx(() -> {
            clock.advanceMillis(6000);
            model.refresh();
        });
        assertThat(sends.getData().get(0).getName()).isEqualTo("stored broker-a master · STALE 6.0 s");
        assertThat(robot.lookup("#chartsMessageLabel").queryLabeled().getText()).isEmpty();
    }
}
