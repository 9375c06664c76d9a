package org.relaymq.console.ui.registrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.console.ui.NamesrvFixtures.NS;
import static org.relaymq.console.ui.NamesrvFixtures.NS_NODE;
import static org.relaymq.console.ui.NamesrvFixtures.event;
import static org.relaymq.console.ui.NamesrvFixtures.snapshot;

import javafx.scene.Scene;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.relaymq.console.app.ConsoleContext;
import org.relaymq.console.app.ViewLoader;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.common.time.ManualClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class RegistrationsUiTest {

    private final ManualClock clock = new ManualClock();
    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private RegistrationsViewModel model;

    @Start
    void start(Stage stage) {
        model = new RegistrationsViewModel(clock, UiExecutor.sameThread(), 3000);
        gateway.addListener(model);
        Scene scene = new Scene(ViewLoader.load("/org/relaymq/console/ui/registrations/RegistrationsView.fxml",
                new RegistrationsView(model)), 1200, 500);
        scene.getStylesheets().add(ConsoleContext.stylesheet("console.css"));
        stage.setScene(scene);
        stage.show();
    }

    private void onFx(Runnable r) {
        WaitForAsyncUtils.asyncFx(r);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aRegisteredBrokerShowsItsBarAndTheReasonWhenItLeaves(FxRobot robot) {
        TableView<RegistrationRow> table = robot.lookup("#registrationsTable").queryTableView();
        assertThat(robot.lookup("#messageLabel").queryLabeled().getText()).isEqualTo("No NameServer watched yet.");

        onFx(() -> {
            gateway.live(NS, NS_NODE, clock.monotonicMillis());
            gateway.snapshot(NS, NS_NODE, snapshot("classroom", 12_000, 0));
            clock.advanceMillis(9_000);
            gateway.live(NS, NS_NODE, clock.monotonicMillis());
            model.refresh();
        });
        assertThat(table.getItems()).singleElement().satisfies(r -> {
            assertThat(r.broker()).isEqualTo("broker-a / 0 (master)");
            assertThat(r.status()).isEqualTo("registered");
        });
        ProgressBar bar = robot.lookup(".progress-bar").queryAs(ProgressBar.class);
        assertThat(bar.getProgress()).isEqualTo(0.75);
        assertThat(bar.getStyleClass()).contains("level-warn");

        onFx(() -> gateway.event(NS, event(9, EventKind.BROKER_DISCONNECTED, "DISCONNECTED", 12_000)));
        assertThat(table.getItems().get(0).status()).isEqualTo("disconnected (connection closed)");
        assertThat(robot.lookup("disconnected (connection closed)").tryQuery()).isPresent();
    }
}
