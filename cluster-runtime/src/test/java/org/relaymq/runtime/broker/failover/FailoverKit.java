package org.relaymq.runtime.broker.failover;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.common.TimingProfile;

/** What the failover tests share: client settings, event recording, commit-log comparison. */
final class FailoverKit {

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private FailoverKit() {
    }

    /** Classroom timings with a faster route poll and offset persistence; loopback; unique instance name. */
    static ClientConfig clientConfig(String namesrvAddr) {
        return ClientConfig.fromProfile(TimingProfile.CLASSROOM, namesrvAddr)
                .withPollNameServerInterval(Duration.ofMillis(500))
                .withHeartbeatBrokerInterval(Duration.ofSeconds(1))
                .withRebalanceInterval(Duration.ofSeconds(1))
                .withPersistConsumerOffsetInterval(Duration.ofSeconds(1))
                .withPullTimeDelayWhenException(Duration.ofMillis(200))
                .withClientIp("127.0.0.1")
                .withInstanceName("failover-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet()
                        + "-" + System.nanoTime());
    }

    /** Every event the instance publishes from now on. */
    static List<NodeEvent> record(ClientInstance client) {
        List<NodeEvent> events = new CopyOnWriteArrayList<>();
        client.events().subscribe(100_000, events::add, Runnable::run);
        return events;
    }

    /** The slave holds exactly the master's commit-log bytes from offset 0 up to the master's max offset. */
    static void assertSameCommitLog(MessageStore master, MessageStore slave) {
        long max = master.commitLogMaxOffset();
        assertThat(slave.commitLogMaxOffset()).as("slave max offset").isEqualTo(max);
        assertThat(slave.commitLogMinOffset()).as("slave min offset").isZero();
        long offset = 0;
        while (offset < max) {
            ByteBuffer a = master.readCommitLog(offset, 64 * 1024);
            ByteBuffer b = slave.readCommitLog(offset, 64 * 1024);
            assertThat(a.remaining()).as("master bytes at %d", offset).isPositive();
            assertThat(b.remaining()).as("slave bytes at %d", offset).isEqualTo(a.remaining());
            assertThat(b.duplicate()).as("bytes at %d", offset).isEqualTo(a.duplicate());
            offset += a.remaining();
        }
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
