package org.relaymq.runtime.broker.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.ConsumeType;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.wire.LanguageCode;
import org.relaymq.runtime.broker.FakeClientChannel;
import org.relaymq.runtime.broker.RecordingEvents;
import org.relaymq.runtime.common.time.ManualClock;

class ClientHousekeepingTest {

    private final ManualClock clock = new ManualClock();
    private final RecordingEvents events = new RecordingEvents();
    private final ConsumerManager consumers = new ConsumerManager(events, Duration.ofSeconds(120), g -> true);
    private final ProducerManager producers = new ProducerManager(events, Duration.ofSeconds(120));
    private final FakeClientChannel channel = new FakeClientChannel("c1", "10.0.0.1:1");

    @Test
    void theScanOnTheSchedulerDropsSilentClientsAfterTheExpiry() {
        ClientChannelInfo info = new ClientChannelInfo(channel, "client-1", LanguageCode.JAVA, 409,
                clock.monotonicMillis());
        consumers.register("cg", info, ConsumeType.CONSUME_ACTIVELY, MessageModel.CLUSTERING,
                ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET, Set.of());
        producers.register("pg", info);
        try (ClientHousekeeping housekeeping = new ClientHousekeeping(consumers, producers, clock)) {
            housekeeping.start(clock, Duration.ofSeconds(10));

            clock.advance(Duration.ofSeconds(120));
            assertThat(consumers.clientIds("cg")).containsExactly("client-1");
            assertThat(producers.channels("pg")).hasSize(1);

            clock.advance(Duration.ofSeconds(10));
            assertThat(consumers.clientIds("cg")).isEmpty();
            assertThat(producers.channels("pg")).isEmpty();
            assertThat(channel.isActive()).isFalse();
        }
        assertThat(clock.pendingTasks()).isZero();
    }
}
