package org.relaymq.console.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.console.fx.FxUiExecutor;
import org.relaymq.console.fx.PreferencesStore;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.ui.nodes.NodeRow;
import org.relaymq.console.ui.registrations.RegistrationRow;
import org.relaymq.runtime.testkit.WireBrokerRegistrar;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole console on a real local cluster: the demo plan's two NameServers as real processes
 * (fast scan and expiry), a broker played over the wire; the rest of the plan fails honestly.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleWalkthroughUiIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dataDir;

    private ConsoleContext context;
    private WireBrokerRegistrar broker;

    @Start
    void start(Stage stage) {
        ConsoleOptions options = new ConsoleOptions(dataDir.resolve("demo"),
                List.of("--scan-interval", "200ms", "--broker-expiry", "3s"), false, null, PreferencesStore.inMemory());
        context = new ConsoleContext(options, new FxUiExecutor(), () -> stage);
        Scene scene = new Scene(context.load(), 1260, 780);
        scene.getStylesheets().add(ConsoleContext.stylesheet("console.css"));
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopEverything() {
        if (broker != null) {
            broker.close();
        }
        List<Long> pids = context.supervisor().statuses().stream().map(NodeStatus::pid).filter(p -> p > 0).toList();
        context.close();
        pids.forEach(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
                .as("pid %d", pid).isFalse());
    }

    private String address(String id) {
        return context.supervisor().status(id).orElseThrow().address();
    }

    private RegistrationRow rowOf(TableView<RegistrationRow> table, String ns) {
        return table.getItems().stream().filter(r -> r.nameServer().equals(ns)).findFirst().orElse(null);
    }

    @Test
    void registrationsShowTheBrokerThenDisconnectedThenExpired(FxRobot robot) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> context.main().startDemo());
        await().atMost(WAIT).until(() -> context.supervisor().statuses().stream()
                .filter(s -> s.role().equals("namesrv")).allMatch(s -> s.state() == NodeState.RUNNING)
                && context.supervisor().statuses().size() == 9);
        String ns1 = address("namesrv-1");
        String ns2 = address("namesrv-2");

        broker = new WireBrokerRegistrar("DemoCluster", "broker-a", 0, "127.0.0.1:20911").topic("DemoTopic", 4);
        broker.register(ns1);
        broker.register(ns2);
        TableView<RegistrationRow> table = robot.lookup("#registrationsTable").queryTableView();
        await().atMost(WAIT).until(() -> rowOf(table, ns1) != null && rowOf(table, ns2) != null);
        assertThat(rowOf(table, ns1).broker()).isEqualTo("broker-a / 0 (master)");

        broker.register(ns1); // a fresh heartbeat, so ns1 cannot expire it before the disconnect
        broker.disconnect(ns1);
        await().atMost(Duration.ofSeconds(10)).until(() -> "disconnected (connection closed)".equals(
                rowOf(table, ns1).status()));
        await().atMost(Duration.ofSeconds(10)).until(() -> List.copyOf(table.getItems()),
                rows -> rows.stream().anyMatch(r -> r.nameServer().equals(ns2) && r.status().startsWith("expired")));
        assertThat(rowOf(table, ns2).freshness()).isEqualTo("LIVE");

        robot.clickOn("Nodes");
        TableView<NodeRow> nodes = robot.lookup("#nodesTable").queryTableView();
        await().atMost(WAIT).until(() -> nodes.getItems().stream().filter(r -> r.id().equals("broker-a-master"))
                .anyMatch(r -> r.state() == NodeState.FAILED));
        NodeRow failed = nodes.getItems().stream().filter(r -> r.id().equals("broker-a-master")).findFirst().orElseThrow();
        assertThat(failed.detail()).contains("broker").contains("exit code");
    }
}
