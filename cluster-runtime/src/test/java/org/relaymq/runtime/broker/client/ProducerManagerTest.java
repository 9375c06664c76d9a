package org.relaymq.runtime.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.wire.LanguageCode;
import org.relaymq.runtime.broker.FakeClientChannel;
import org.relaymq.runtime.broker.RecordingEvents;

class ProducerManagerTest {

    private final RecordingEvents events = new RecordingEvents();
    private final ProducerManager manager = new ProducerManager(events, Duration.ofSeconds(120));
    private final FakeClientChannel ch = new FakeClientChannel("p1", "10.0.0.9:6000");

    private ClientChannelInfo info(long now) {
        return new ClientChannelInfo(ch, "producer-1", LanguageCode.GO, 400, now);
    }

    @Test
    void registersRefreshesAndUnregisters() {
        assertThat(manager.register("pg", info(0))).isTrue();
        assertThat(manager.register("pg", info(1000))).isFalse();
        assertThat(manager.producerConnection("pg").orElseThrow().connectionSet())
                .singleElement().satisfies(c -> assertThat(c.language()).isEqualTo(LanguageCode.GO));
        assertThat(manager.unregister("pg", "p1")).isTrue();
        assertThat(manager.producerConnection("pg")).isEmpty();
        assertThat(events.ofKind(EventKind.CLIENT_CONNECTED)).singleElement()
                .satisfies(e -> assertThat(e.text("role")).isEqualTo("producer"));
        assertThat(events.ofKind(EventKind.CLIENT_GONE)).singleElement()
                .satisfies(e -> assertThat(e.text("reason")).isEqualTo("unregistered"));
    }

    @Test
    void closedChannelLeavesEveryGroupInOneEvent() {
        manager.register("pg", info(0));
        manager.register("CLIENT_INNER_PRODUCER", info(0));
        manager.channelClosed("p1");
        assertThat(manager.groups()).isEmpty();
        assertThat(events.ofKind(EventKind.CLIENT_GONE)).singleElement()
                .satisfies(e -> assertThat(e.data().getAsJsonArray("groups")).hasSize(2));
    }

    @Test
    void expiresAfterTheChannelExpiry() {
        manager.register("pg", info(0));
        assertThat(manager.scanExpired(119_000)).isEmpty();
        assertThat(manager.scanExpired(121_000)).hasSize(1);
        assertThat(ch.isActive()).isFalse();
        assertThat(manager.channels("pg")).isEmpty();
    }
}
