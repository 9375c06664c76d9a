package org.relaymq.runtime.client.producer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.runtime.client.api.FaultTable;
import org.relaymq.runtime.common.time.ManualClock;

class QueueChooserTest {

    private final ManualClock clock = new ManualClock();
    private final PublishInfo info = PublishInfo.from("T", new TopicRouteData(null,
            List.of(new QueueData("broker-a", 2, 2, 6, 0), new QueueData("broker-b", 2, 2, 6, 0),
                    new QueueData("broker-c", 2, 2, 4, 0)),
            List.of(new BrokerData("C", "broker-a", Map.of(0L, "a:1")), new BrokerData("C", "broker-b",
                    Map.of(0L, "b:1")), new BrokerData("C", "broker-c", Map.of(0L, "c:1"))), null), 0);

    private static MessageQueue q(String broker, int id) {
        return new MessageQueue(broker, id, "T");
    }

    @Test
    void roundRobinOverTheWritableQueuesOfMasters() {
        QueueChooser chooser = new QueueChooser(0);
        assertThat(info.excluded()).containsKey("broker-c");
        assertThat(List.of(chooser.choose(info, null, null).chosen(), chooser.choose(info, null, null).chosen(),
                chooser.choose(info, null, null).chosen(), chooser.choose(info, null, null).chosen(),
                chooser.choose(info, null, null).chosen()))
                .containsExactly(q("broker-a", 0), q("broker-a", 1), q("broker-b", 0), q("broker-b", 1),
                        q("broker-a", 0));
    }

    @Test
    void aRetryGoesToAnotherBrokerAndSaysWhy() {
        QueueChooser chooser = new QueueChooser(0);
        SendDecision first = chooser.choose(info, null, null);
        assertThat(first.chosen().brokerName()).isEqualTo("broker-a");
        SendDecision retry = chooser.choose(info, "broker-a", null);
        assertThat(retry.chosen().brokerName()).isEqualTo("broker-b");
        assertThat(retry.skipped()).containsEntry("broker-a", "failed last attempt");
        assertThat(retry.skipped().get("broker-c")).startsWith("not writable");
    }

    @Test
    void anIsolatedBrokerIsSkippedUntilItsWindowEnds() {
        LatencyFaultTolerance faults = new LatencyFaultTolerance(FaultTable.APACHE_4X, clock);
        assertThat(faults.update("broker-a", 30_000, true)).isEqualTo(600_000);
        QueueChooser chooser = new QueueChooser(0);
        for (int i = 0; i < 4; i++) {
            SendDecision d = chooser.choose(info, null, faults);
            assertThat(d.chosen().brokerName()).isEqualTo("broker-b");
            assertThat(d.skipped().get("broker-a")).startsWith("isolated until ");
        }
        clock.advance(Duration.ofMillis(599_999));
        assertThat(faults.isAvailable("broker-a")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(faults.isAvailable("broker-a")).isTrue();
    }

    @Test
    void fiveXWindowsAreShortAndFastSendsIsolateNothing() {
        LatencyFaultTolerance faults = new LatencyFaultTolerance(FaultTable.APACHE_5X, clock);
        assertThat(faults.update("broker-a", 20, false)).isZero();
        assertThat(faults.isAvailable("broker-a")).isTrue();
        assertThat(faults.update("broker-a", 700, false)).isEqualTo(2_000);
        clock.advance(Duration.ofMillis(1_999));
        assertThat(faults.isAvailable("broker-a")).isFalse();
        assertThat(faults.isolatedUntilWall("broker-a")).hasValue(clock.wallMillis() + 1);
        clock.advance(Duration.ofMillis(1));
        assertThat(faults.isAvailable("broker-a")).isTrue();
    }

    @Test
    void whenEveryBrokerIsIsolatedOneIsStillChosen() {
        LatencyFaultTolerance faults = new LatencyFaultTolerance(FaultTable.APACHE_4X, clock);
        faults.update("broker-a", 0, true);
        faults.update("broker-b", 0, true);
        assertThat(new QueueChooser(0).choose(info, null, faults).chosen()).isNotNull();
    }
}
