package org.relaymq.runtime.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.ManualClock;

class EventBusTest {

    private final ManualClock clock = new ManualClock();
    private final EventBus bus = new EventBus("namesrv@127.0.0.1:9876", clock, 100);

    @Test
    void isObservedOnlyWhileSomebodySubscribes() {
        assertThat(bus.observed()).isFalse();
        Subscription s = bus.subscribe();
        assertThat(bus.observed()).isTrue();
        bus.unsubscribe(s);
        assertThat(bus.observed()).isFalse();
        assertThat(EventSink.discarding().observed()).isFalse();
    }

    @Test
    void stampsSeqTimeAndNodeInPublishOrder() {
        Subscription sub = bus.subscribe();
        bus.publish(EventKind.SCAN, EventData.create().put("n", 1).build());
        clock.advance(Duration.ofSeconds(1));
        bus.publish(EventKind.BROKER_EXPIRED, null);

        List<NodeEvent> events = sub.poll(10);

        assertThat(events).extracting(NodeEvent::seq).containsExactly(1L, 2L);
        assertThat(events).extracting(NodeEvent::ts).containsExactly(1_700_000_000_000L, 1_700_000_001_000L);
        assertThat(events).extracting(NodeEvent::kind).containsExactly(EventKind.SCAN, EventKind.BROKER_EXPIRED);
        assertThat(events).allSatisfy(e -> assertThat(e.node()).isEqualTo("namesrv@127.0.0.1:9876"));
        assertThat(events.get(0).number("n", 0)).isEqualTo(1);
        assertThat(bus.lastSeq()).isEqualTo(2);
    }

    @Test
    void pollHonoursMaxAndKeepsTheRest() {
        Subscription sub = bus.subscribe();
        publish(5);

        assertThat(sub.poll(2)).extracting(NodeEvent::seq).containsExactly(1L, 2L);
        assertThat(sub.pending()).isEqualTo(3);
        assertThat(sub.poll(10)).extracting(NodeEvent::seq).containsExactly(3L, 4L, 5L);
    }

    @Test
    void aSlowSubscriberLosesTheOldestAndIsToldHowMany() {
        Subscription slow = bus.subscribe(3);
        publish(10);

        List<NodeEvent> events = slow.poll(100);

        assertThat(events).extracting(NodeEvent::seq).containsExactly(7L, 8L, 9L, 10L);
        NodeEvent dropped = events.get(0);
        assertThat(dropped.kind()).isEqualTo(EventKind.DROPPED);
        assertThat(dropped.number("count", 0)).isEqualTo(7);
        assertThat(dropped.number("fromSeq", 0)).isEqualTo(1);
        assertThat(dropped.number("toSeq", 0)).isEqualTo(7);
        assertThat(slow.droppedTotal()).isEqualTo(7);
        assertThat(slow.poll(100)).isEmpty();
    }

    @Test
    void aDeadSubscriberNeitherBlocksPublishNorGrowsPastItsCapacity() {
        Subscription dead = bus.subscribe(50);
        Subscription live = bus.subscribe(200_000);

        publish(100_000);

        assertThat(dead.pending()).isEqualTo(50);
        assertThat(dead.droppedTotal()).isEqualTo(99_950);
        assertThat(live.pending()).isEqualTo(100_000);
        assertThat(live.droppedTotal()).isZero();
    }

    @Test
    void unsubscribeStopsDelivery() {
        Subscription sub = bus.subscribe();
        publish(1);
        bus.unsubscribe(sub);
        publish(1);

        assertThat(sub.isClosed()).isTrue();
        assertThat(sub.poll(10)).isEmpty();
        assertThat(bus.subscriberCount()).isZero();
    }

    @Test
    void pushSubscriptionDrainsInOrderOnTheGivenExecutor() {
        Queue<Runnable> tasks = new ArrayDeque<>();
        Executor queued = tasks::add;
        List<Long> received = new ArrayList<>();
        bus.subscribe(100, e -> received.add(e.seq()), queued);

        publish(3);
        assertThat(received).isEmpty();
        assertThat(tasks).hasSize(1);

        runAll(tasks);
        publish(2);
        runAll(tasks);

        assertThat(received).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void aPushSubscriberThatThrowsIsUnsubscribedAndPublishGoesOn() {
        Subscription sub = bus.subscribe(10, e -> {
            throw new IllegalStateException("channel gone");
        }, Runnable::run);

        publish(3);

        assertThat(sub.isClosed()).isTrue();
        assertThat(bus.subscriberCount()).isZero();
        assertThat(bus.lastSeq()).isEqualTo(3);
    }

    @Test
    void closeEndsEverySubscriptionAndIgnoresLaterPublishes() {
        Subscription sub = bus.subscribe();
        bus.close();
        bus.close();
        publish(2);

        assertThat(sub.isClosed()).isTrue();
        assertThat(bus.lastSeq()).isZero();
        assertThat(bus.subscribe().isClosed()).isTrue();
    }

    private void publish(int n) {
        for (int i = 0; i < n; i++) {
            bus.publish(EventKind.SCAN, null);
        }
    }

    private static void runAll(Queue<Runnable> tasks) {
        Runnable r;
        while ((r = tasks.poll()) != null) {
            r.run();
        }
    }
}
