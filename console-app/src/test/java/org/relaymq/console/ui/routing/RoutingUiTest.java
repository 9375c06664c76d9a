package org.relaymq.console.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.console.ui.ClientFixtures.PRODUCER;
import static org.relaymq.console.ui.ClientFixtures.PRODUCER_NODE;
import static org.relaymq.console.ui.ClientFixtures.queue;

import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaymq.console.app.ConsoleContext;
import org.relaymq.console.app.ViewLoader;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.ui.ClientFixtures;
import org.relaymq.runtime.common.time.ManualClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RoutingUiTest {

    private final ManualClock clock = new ManualClock();
    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private final ClientFixtures producer = new ClientFixtures(PRODUCER_NODE);
    private RoutingViewModel model;

    @Start
    void start(Stage stage) {
        model = new RoutingViewModel(gateway, clock, UiExecutor.sameThread(), 3000);
        gateway.addListener(model);
        Scene scene = new Scene(ViewLoader.load("/org/relaymq/console/ui/routing/RoutingView.fxml",
                new RoutingView(model)), 1260, 700);
        scene.getStylesheets().add(ConsoleContext.stylesheet("console.css"));
        stage.setScene(scene);
        stage.show();
    }

    private void onFx(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsTheRouteTheSkippedDeadBrokerAndItsIsolation(FxRobot robot) {
        assertThat(robot.lookup("#routingMessageLabel").queryLabeled().getText())
                .startsWith("UNKNOWN — no client events yet");
        onFx(() -> {
            gateway.live(PRODUCER, PRODUCER_NODE, clock.monotonicMillis());
            producer.events().routePolled("127.0.0.1:9876", "DemoTopic", List.of("broker-b"), true, true);
            gateway.event(PRODUCER, producer.last());
            producer.events().brokerIsolated("broker-a", 3000, true, 30_000, clock.wallMillis() + 30_000);
            gateway.event(PRODUCER, producer.last());
            producer.events().sendDecision("DemoProducer", "DemoTopic", 1, List.of(queue("broker-b", 0)),
                    Map.of("broker-a", "isolated"), queue("broker-b", 0), "round robin");
            gateway.event(PRODUCER, producer.last());
            clock.advanceMillis(2000);
            model.refresh();
        });
        assertThat(robot.lookup("#routingMessageLabel").queryLabeled().getText()).isEmpty();
        TableView<ClientRouteRow> routes = robot.lookup("#routesTable").queryTableView();
        assertThat(routes.getItems()).singleElement().satisfies(r -> assertThat(r.brokers()).isEqualTo("broker-b"));
        assertThat(robot.lookup("broker-b").tryQuery()).isPresent();
        assertThat(robot.lookup("#decisionList").queryListView().getItems()).singleElement().asString()
                .contains("→ broker-b:0 · skipped broker-a (isolated)");
        assertThat(robot.lookup("#isolatedList").queryListView().getItems()).singleElement().asString()
                .contains("broker-a avoided by", "(28.0 s left)");
    }
}
