package org.relaymq.console.ui.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.console.ui.ClientFixtures.PRODUCER;
import static org.relaymq.console.ui.ClientFixtures.PRODUCER_NODE;
import static org.relaymq.console.ui.ClientFixtures.queue;

import com.google.gson.JsonObject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.relaymq.console.fx.UiExecutor;
import org.relaymq.console.service.FakeClusterGateway;
import org.relaymq.console.ui.ClientFixtures;
import org.relaymq.runtime.common.time.ManualClock;

class RoutingViewModelTest {

    private final ManualClock clock = new ManualClock();
    private final FakeClusterGateway gateway = new FakeClusterGateway();
    private final RoutingViewModel vm = new RoutingViewModel(gateway, clock, UiExecutor.sameThread(), 3000);
    private final ClientFixtures producer = new ClientFixtures(PRODUCER_NODE);

    @BeforeEach
    void producerStreams() {
        gateway.addListener(vm);
        gateway.live(PRODUCER, PRODUCER_NODE, clock.monotonicMillis());
    }

    private void emit() {
        gateway.event(PRODUCER, producer.last());
    }

    @Test
    void saysPlainlyThatNoClientStreamsEventsRatherThanShowingEmptyTables() {
        assertThat(vm.messageProperty().get()).startsWith("UNKNOWN — no client events yet");
        assertThat(vm.routeRows()).isEmpty();
        assertThat(vm.decisions()).isEmpty();
    }

    @Test
    void cachedRouteCountsDownToTheNextPollFromTheClientsInterval() {
        JsonObject info = new JsonObject();
        info.addProperty("profile", "classroom");
        JsonObject intervals = new JsonObject();
        intervals.addProperty("routePollMs", 3000);
        info.add("intervals", intervals);
        gateway.info(PRODUCER, info);
        producer.events().routePolled("127.0.0.1:9876", "DemoTopic", List.of("broker-a", "broker-b"), true, true);
        emit();
        clock.advanceMillis(1000);
        vm.refresh();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.routeRows()).singleElement().satisfies(r -> {
            assertThat(r.brokers()).isEqualTo("broker-a, broker-b");
            assertThat(r.polled()).isEqualTo("1.0 s ago from 127.0.0.1:9876");
            assertThat(r.nextPoll()).isEqualTo("in 2.0 s");
            assertThat(r.freshness()).isEqualTo("LIVE");
        });
        clock.advanceMillis(4500);
        vm.refresh();
        assertThat(vm.routeRows().get(0).nextPoll()).isEqualTo("overdue by 2.5 s");
        assertThat(vm.routeRows().get(0).freshness()).isEqualTo("STALE 5.5 s");
    }

    @Test
    void decisionsShowChosenQueueCandidatesSkippedBrokersWithReasonsAndResults() {
        producer.events().sendDecision("DemoProducer", "DemoTopic", 2, List.of(queue("broker-b", 0),
                queue("broker-b", 1)), Map.of("broker-a", "isolated for 29.1 s"), queue("broker-b", 1), "round robin");
        emit();
        producer.events().sendResult("DemoTopic", 2, queue("broker-b", 1), true, 3, "SEND_OK", null);
        emit();
        assertThat(vm.decisions()).hasSize(2);
        assertThat(vm.decisions().get(1)).contains(PRODUCER_NODE, "SEND_DECISION", "attempt 2 → broker-b:1 · skipped "
                + "broker-a (isolated for 29.1 s) · from 2 queue(s) on broker-b · round robin");
        assertThat(vm.decisions().get(0)).contains("SEND_RESULT", "attempt 2 → broker-b:1 OK in 3 ms (SEND_OK)");

        producer.events().sendResult("DemoTopic", 1, queue("broker-a", 3), false, 3000, null, "connection refused");
        emit();
        assertThat(vm.decisions().get(0)).endsWith("attempt 1 → broker-a:3 FAILED after 3000 ms: connection refused");
    }

    @Test
    void anIsolatedBrokerCountsDownThenEndsThenLeavesTheList() {
        producer.events().brokerIsolated("broker-a", 3000, true, 30_000, clock.wallMillis() + 30_000);
        emit();
        clock.advanceMillis(10_000);
        vm.refresh();
        assertThat(vm.isolated()).singleElement().asString().startsWith("broker-a avoided by " + PRODUCER_NODE
                + ": send failed, for 30.0 s, until ").endsWith("(20.0 s left)");
        clock.advanceMillis(25_000);
        vm.refresh();
        assertThat(vm.isolated()).singleElement().asString().endsWith("ended 5.0 s ago");
        clock.advanceMillis(30_000);
        vm.refresh();
        assertThat(vm.isolated()).isEmpty();
    }

    @Test
    void pullSourcesAndAssignmentsPerConsumer() {
        ClientFixtures consumer = new ClientFixtures("consumer@127.0.0.1:7002");
        consumer.events().pullSource("DemoGroup", queue("broker-a", 0), "127.0.0.1:10921", 1, "master unreachable");
        gateway.event("127.0.0.1:7002", consumer.last());
        consumer.events().rebalance("DemoGroup", "DemoTopic", "CLUSTERING", List.of("c1", "c2"),
                List.of(queue("broker-a", 0), queue("broker-b", 0)), List.of(queue("broker-b", 0)), List.of());
        gateway.event("127.0.0.1:7002", consumer.last());
        assertThat(vm.pullSources()).containsExactly(
                "consumer@127.0.0.1:7002 broker-a:0: from slave (master unreachable) 127.0.0.1:10921");
        assertThat(vm.assignments()).containsExactly(
                "consumer@127.0.0.1:7002 DemoGroup: DemoTopic: [broker-a:0, broker-b:0] among 2 consumer(s)");
    }
}
