package org.relaymq.console.ui.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.relaymq.console.ui.NamesrvFixtures.BROKER_A;
import static org.relaymq.console.ui.NamesrvFixtures.NS;
import static org.relaymq.console.ui.NamesrvFixtures.NS_NODE;
import static org.relaymq.console.ui.NamesrvFixtures.event;
import static org.relaymq.console.ui.NamesrvFixtures.snapshot;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaymq.console.app.ConsoleContext;
import org.relaymq.console.app.ViewLoader;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.ConnectionStatus;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.service.FakeProcess;
import org.relaymq.console.service.FakeSignals;
import org.relaymq.console.service.NodeSpec;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.console.service.ProtocolView;
import org.relaymq.console.service.RemoteClusterGateway;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.common.time.ManualClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TopologyUiTest {

    private final ManualClock clock = new ManualClock();
    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private NodeSupervisor supervisor;
    private TopologyViewModel model;

    @Start
    void start(Stage stage) {
        supervisor = new NodeSupervisor((spec, extra) -> new FakeProcess().print("READY " + spec.role() + " "
                + (spec.role().equals("broker") ? BROKER_A : NS)), FakeSignals.unsupported("fake processes"), clock, clock,
                NodeSupervisor.Settings.defaults());
        model = new TopologyViewModel(supervisor, gateway, clock, UiExecutor.sameThread(), 3000);
        gateway.addListener(model);
        Scene scene = new Scene(ViewLoader.load("/org/relaymq/console/ui/topology/TopologyView.fxml",
                new TopologyView(model)), 1200, 600);
        scene.getStylesheets().add(ConsoleContext.stylesheet("console.css"));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        supervisor.close();
    }

    private void onFx(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String card(FxRobot robot, String id) {
        VBox card = robot.lookup("#card-" + id).queryAs(VBox.class);
        return card.getChildren().stream().map(n -> ((Label) n).getText()).collect(Collectors.joining(" | "));
    }

    @Test
    void cardsShowProcessStateLinkFreshnessRoleAndRegistrations(FxRobot robot) throws Exception {
        assertThat(robot.lookup("No nodes yet: start the demo cluster or attach to one.").tryQuery()).isPresent();
        supervisor.add(new NodeSpec("namesrv-1", "namesrv", "namesrv", List.of(), null));
        supervisor.add(new NodeSpec("broker-a-master", "broker", "broker", List.of(), null));
        supervisor.start("namesrv-1");
        supervisor.start("broker-a-master");
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.running().size() == 2);
        JsonObject brokerState = new JsonObject();
        brokerState.addProperty("role", "ASYNC_MASTER");
        onFx(() -> {
            gateway.live(NS, NS_NODE, clock.monotonicMillis());
            gateway.snapshot(NS, NS_NODE, snapshot("classroom", 12_000, 0));
            gateway.snapshot(BROKER_A, "broker@" + BROKER_A, brokerState);
            model.refresh();
        });
        assertThat(card(robot, "namesrv-1")).isEqualTo("namesrv-1 | knows 1 broker(s) · " + NS + " | RUNNING · LIVE");
        assertThat(card(robot, "broker-a-master")).isEqualTo("broker-a-master | master (ASYNC_MASTER) · registered "
                + "with 1/1 NameServer(s) · " + BROKER_A + " | RUNNING · UNKNOWN");
        Node badge = robot.lookup("#card-namesrv-1 .badge").query();
        assertThat(badge.getStyleClass()).contains("level-ok");

        onFx(() -> {
            gateway.event(NS, event(7, EventKind.BROKER_DISCONNECTED, "DISCONNECTED", 12_000));
            supervisor.kill("broker-a-master");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.status("broker-a-master").orElseThrow().state()
                == NodeState.KILLED);
        onFx(() -> {
            clock.advanceMillis(5000);
            model.refresh();
        });
        assertThat(card(robot, "broker-a-master")).contains("registered with 0/1 NameServer(s)").endsWith("| KILLED");
        assertThat(card(robot, "namesrv-1")).contains("knows 0 broker(s)").endsWith("RUNNING · STALE 5.0 s");
    }

    @Test
    void anAttachedApacheNameServerShowsWhatThePolledProtocolSays(FxRobot robot) {
        onFx(() -> {
            gateway.connection(new ConnectionStatus(NS, null, true, clock.monotonicMillis(), false, null,
                    RemoteClusterGateway.NOT_RELAYMQ));
            gateway.protocolView(new ProtocolView(NS, clock.monotonicMillis(), 3000, List.of(new ProtocolView.Broker(
                    "DefaultCluster", "broker-a", 0, BROKER_A)), Map.of(), null));
            clock.advanceMillis(1500);
            model.refresh();
        });
        assertThat(card(robot, "127_0_0_1_9876")).isEqualTo(NS + " | attached · knows 1 broker(s) · "
                + RemoteClusterGateway.NOT_RELAYMQ + " | POLLED 1.5 s ago");
        assertThat(card(robot, "broker-a_0___" + BROKER_A.replaceAll("[^A-Za-z0-9-]", "_")))
                .startsWith("broker-a/0 @ " + BROKER_A + " | master, registered with 1/1 NameServer(s)");
    }
}
