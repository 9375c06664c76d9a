package org.relaymq.console.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.console.ui.NamesrvFixtures.NS;
import static org.relaymq.console.ui.NamesrvFixtures.event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Scene;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.console.app.ViewLoader;
import org.relaymq.console.fx.FxActions;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.common.time.ManualClock;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class TimelineUiTest {

    @TempDir
    static Path dir;

    private final ManualClock clock = new ManualClock();
    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private TimelineView view;

    @Start
    void start(Stage stage) {
        TimelineViewModel model = new TimelineViewModel(clock, UiExecutor.sameThread(),
                (t, n, e) -> Optional.of(dir.resolve(n)), 1000);
        gateway.addListener(model);
        view = new TimelineView(model);
        stage.setScene(new Scene(ViewLoader.load("/org/relaymq/console/ui/timeline/TimelineView.fxml", view), 1200, 600));
        stage.show();
    }

    @Test
    void eventsAppearPauseHoldsThemAndExportWritesTheFile(FxRobot robot) throws Exception {
        TableView<TimelineEntry> table = robot.lookup("#eventsTable").queryTableView();
        WaitForAsyncUtils.asyncFx(() -> {
            gateway.event(NS, event(1, EventKind.BROKER_REGISTERED, null, 12_000));
            view.redraw();
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);

        FxActions.click(robot, "#pauseToggle");
        WaitForAsyncUtils.asyncFx(() -> gateway.event(NS, event(2, EventKind.BROKER_EXPIRED, "EXPIRED", 12_000)));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);
        assertThat(robot.lookup("#statusLabel").queryLabeled().getText()).startsWith("PAUSED");

        FxActions.click(robot, "#pauseToggle");
        assertThat(table.getItems()).hasSize(2);
        FxActions.click(robot, "#exportCsvButton");
        assertThat(Files.readString(dir.resolve("relaymq-timeline.csv"))).contains("BROKER_EXPIRED");
    }
}
