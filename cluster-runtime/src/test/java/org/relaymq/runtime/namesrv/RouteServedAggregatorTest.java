package org.relaymq.runtime.namesrv;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.ManualClock;
import org.relaymq.runtime.telemetry.EventBus;
import org.relaymq.runtime.telemetry.Subscription;

class RouteServedAggregatorTest {

    private final ManualClock clock = new ManualClock();
    private final EventBus bus = new EventBus("namesrv@h:1", clock);
    private final Subscription events = bus.subscribe();

    @Test
    void requestsAreReportedOncePerTopicPerSecond() {
        try (RouteServedAggregator served = new RouteServedAggregator(bus, Duration.ofSeconds(1)).start(clock)) {
            served.record("T", "10.0.0.9:5000", true);
            served.record("T", "10.0.0.9:5000", true);
            served.record("T", "10.0.0.8:5000", true);
            served.record("Missing", "10.0.0.8:5000", false);
            clock.advance(Duration.ofMillis(999));
            assertThat(events.poll(10)).isEmpty();

            clock.advance(Duration.ofMillis(1));
            List<NodeEvent> out = events.poll(10);

            assertThat(out).extracting(NodeEvent::kind).containsOnly(EventKind.ROUTE_SERVED);
            assertThat(out).extracting(e -> e.text("topic")).containsExactly("Missing", "T");
            NodeEvent t = out.get(1);
            assertThat(t.number("count", 0)).isEqualTo(3);
            assertThat(t.data().getAsJsonObject("clients").get("10.0.0.9:5000").getAsLong()).isEqualTo(2);
            assertThat(out.get(0).number("notFound", 0)).isEqualTo(1);
            assertThat(out.get(0).flag("found")).isFalse();

            clock.advance(Duration.ofSeconds(5));
            assertThat(events.poll(10)).as("quiet seconds publish nothing").isEmpty();
        }
    }

    @Test
    void closeStopsTheTimerAndFlushesTheRest() {
        RouteServedAggregator served = new RouteServedAggregator(bus, Duration.ofSeconds(1)).start(clock);
        served.record("T", "c", true);

        served.close();

        assertThat(events.poll(10)).hasSize(1);
        assertThat(clock.pendingTasks()).isZero();
    }
}
