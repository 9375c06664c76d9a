package org.relaymq.console.ui.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.console.ui.NamesrvFixtures.NS;
import static org.relaymq.console.ui.NamesrvFixtures.event;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.ManualClock;

class TimelineViewModelTest {

    @TempDir
    Path dir;

    private final ManualClock clock = new ManualClock();

    private TimelineViewModel vm(Path exportTo) {
        return new TimelineViewModel(clock, UiExecutor.sameThread(), (t, n, e) -> Optional.of(exportTo.resolve(n)), 100);
    }

    private static NodeEvent other(long seq) {
        return new NodeEvent(seq, 1L, "broker@127.0.0.1:10911", EventKind.REGISTER_SENT, null);
    }

    @Test
    void everyNodeGetsALaneAndFiltersNarrowByNodeAndKind() {
        TimelineViewModel vm = vm(dir);
        vm.onEvent(NS, event(1, EventKind.BROKER_REGISTERED, null, 12_000));
        vm.onEvent("127.0.0.1:10911", other(1));
        vm.onEvent(NS, event(2, EventKind.BROKER_EXPIRED, "EXPIRED", 12_000));
        assertThat(vm.lanes()).containsExactly("namesrv@" + NS, "broker@127.0.0.1:10911");
        vm.nodeFilterProperty().set("namesrv@" + NS);
        assertThat(vm.visible()).hasSize(2);
        vm.kindFilterProperty().set(EventKind.BROKER_EXPIRED);
        assertThat(vm.visible()).singleElement().satisfies(e -> assertThat(e.summary()).contains("reason=EXPIRED"));
        vm.nodeFilterProperty().set(TimelineViewModel.ALL);
        vm.kindFilterProperty().set(TimelineViewModel.ALL);
        assertThat(vm.visible()).hasSize(3);
    }

    @Test
    void aFaultsEventReadsAsTheRulesTheNodeNowAppliesAndTheOnesBefore() {
        TimelineViewModel vm = vm(dir);
        vm.onEvent("127.0.0.1:10911", new NodeEvent(9, 1L, "broker@127.0.0.1:10911", EventKind.FAULTS,
                com.google.gson.JsonParser.parseString("{\"rules\":[{\"peer\":\"*\",\"action\":\"DROP\"}],"
                        + "\"previous\":[],\"summary\":\"drop *\",\"changed\":true}").getAsJsonObject()));
        assertThat(vm.visible()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.FAULTS);
            assertThat(e.summary()).isEqualTo("faults: partitioned (drop *) (was —)");
        });
    }

    @Test
    void pauseHoldsNewEventsAndFreezesTheWindowUntilResumed() {
        TimelineViewModel vm = vm(dir);
        vm.onEvent(NS, event(1, EventKind.BROKER_REGISTERED, null, 12_000));
        vm.pausedProperty().set(true);
        long frozen = vm.windowEnd();
        clock.advanceMillis(5_000);
        vm.onEvent(NS, event(2, EventKind.BROKER_HEARTBEAT, null, 12_000));
        assertThat(vm.visible()).hasSize(1);
        assertThat(vm.windowEnd()).isEqualTo(frozen);
        assertThat(vm.statusProperty().get()).startsWith("PAUSED — 1 new events held");
        vm.scrollBackSecondsProperty().set(2);
        assertThat(vm.windowEnd()).isEqualTo(frozen - 2_000);

        vm.pausedProperty().set(false);
        assertThat(vm.visible()).hasSize(2);
        assertThat(vm.windowEnd()).isEqualTo(clock.monotonicMillis());
    }

    @Test
    void exportsWhatIsShownAsJsonAndCsv() throws Exception {
        TimelineViewModel vm = vm(dir);
        vm.onEvent(NS, event(1, EventKind.BROKER_REGISTERED, null, 12_000));
        vm.onEvent(NS, event(2, EventKind.BROKER_DISCONNECTED, "DISCONNECTED", 12_000));
        Path json = vm.exportJson().orElseThrow();
        Path csv = vm.exportCsv().orElseThrow();
        assertThat(Files.readString(json)).contains("\"kind\": \"BROKER_DISCONNECTED\"").contains("\"seq\": 2");
        assertThat(Files.readAllLines(csv)).hasSize(3).first().isEqualTo("ts,node,kind,seq,summary,data");
        assertThat(Files.readAllLines(csv).get(2)).contains("BROKER_DISCONNECTED").contains("\"{\"\"cluster\"\"");
    }
}
