package org.relaymq.console.ui.charts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.console.ui.ClientFixtures.PRODUCER;
import static org.relaymq.console.ui.ClientFixtures.PRODUCER_NODE;
import static org.relaymq.console.ui.ClientFixtures.queue;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.ui.ClientFixtures;
import org.relaymq.console.ui.NamesrvFixtures;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.ManualClock;

class ChartsViewModelTest {

    static final String BROKER = "127.0.0.1:10911";
    static final String BROKER_NODE = "broker@" + BROKER;

    private final ManualClock clock = new ManualClock();
    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private final ChartsViewModel vm = new ChartsViewModel(clock, UiExecutor.sameThread(), 3000);

    ChartsViewModelTest() {
        gateway.addListener(vm);
    }

    static JsonObject brokerSnapshot(String name, int id) {
        JsonObject s = new JsonObject();
        s.addProperty("brokerName", name);
        s.addProperty("brokerId", id);
        s.addProperty("role", id == 0 ? "ASYNC_MASTER" : "SLAVE");
        return s;
    }

    /** Shaped like StoreStatsService's STORE_STATS. */
    static NodeEvent storeStats(long seq, double put, double get) {
        return new NodeEvent(seq, 1_700_000_000_000L + seq, BROKER_NODE, EventKind.STORE_STATS, EventData.create()
                .put("putPerSecond", put).put("getPerSecond", get).put("putMessages", 100).build());
    }

    @Test
    void unknownUntilSomeoneMeasuresNothingIsDrawnAsZero() {
        assertThat(vm.messageProperty().get()).startsWith("UNKNOWN");
        assertThat(vm.sendSeries()).isEmpty();
        assertThat(vm.consumeSeries()).isEmpty();
    }

    @Test
    void storeStatsBecomePerBrokerLinesThatTurnStaleWhenTheBrokerFallsSilent() {
        gateway.snapshot(BROKER, BROKER_NODE, brokerSnapshot("broker-a", 0));
        gateway.event(BROKER, storeStats(1, 2.0, 1.5));
        clock.advanceMillis(1000);
        gateway.event(BROKER, storeStats(2, 4.0, 3.0));
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.sendSeries()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("stored broker-a master");
            assertThat(s.points()).extracting(p -> p[1]).containsExactly(2.0, 4.0);
            assertThat(s.points()).extracting(p -> p[0]).containsExactly(-1.0, 0.0);
        });
        assertThat(vm.consumeSeries()).singleElement().satisfies(s -> assertThat(s.name())
                .isEqualTo("served broker-a master"));

        clock.advanceMillis(10_000);
        vm.refresh();
        assertThat(vm.sendSeries()).singleElement().satisfies(s -> {
            assertThat(s.name()).isEqualTo("stored broker-a master · STALE 10.0 s");
            assertThat(s.points()).extracting(p -> p[0]).containsExactly(-11.0, -10.0);
        });
    }

    @Test
    void sendResultsAreCountedPerBrokerPerSecondWithFailuresApart() {
        ClientFixtures producer = new ClientFixtures(PRODUCER_NODE);
        producer.events().sendResult("DemoTopic", 1, queue("broker-b", 0), true, 2, "SEND_OK", null);
        gateway.event(PRODUCER, producer.last());
        producer.events().sendResult("DemoTopic", 1, queue("broker-b", 1), true, 2, "SEND_OK", null);
        gateway.event(PRODUCER, producer.last());
        producer.events().sendResult("DemoTopic", 1, queue("broker-a", 1), false, 3000, null, "timeout");
        gateway.event(PRODUCER, producer.last());
        assertThat(vm.sendSeries()).extracting(RateSeries::name).containsExactly("sent → broker-a FAILED",
                "sent → broker-b");
        assertThat(vm.sendSeries().get(1).points()).singleElement().satisfies(p -> assertThat(p[1]).isEqualTo(2.0));
    }

    @Test
    void faultMomentsComeFromTheNameServersAndTheSupervisorAndLeaveWithTheWindow() {
        gateway.event(NamesrvFixtures.NS, NamesrvFixtures.event(5, EventKind.BROKER_DISCONNECTED, "DISCONNECTED",
                3000));
        clock.advanceMillis(2000);
        vm.onNodeStatus(new NodeStatus("broker-b-master", "broker", NodeState.PAUSED, "paused", 42, BROKER, 0));
        clock.advanceMillis(1000);
        vm.refresh();
        assertThat(vm.faults()).extracting(FaultMark::label).containsExactly(
                "broker-a disconnected @ " + NamesrvFixtures.NS_NODE, "broker-b-master paused");
        assertThat(vm.faults()).extracting(FaultMark::secondsAgo).containsExactly(-3.0, -1.0);
        clock.advanceMillis(ChartsViewModel.WINDOW_SECONDS * 1000L);
        vm.refresh();
        assertThat(vm.faults()).isEmpty();
    }
}
