package org.relaymq.runtime.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.common.TimingProfile;

/** Client settings for the cluster ITs: short intervals, loopback, unique instance names. */
final class ClientTestKit {

    private final AtomicInteger counter = new AtomicInteger();

    ClientConfig config(String namesrvAddr) {
        return ClientConfig.fromProfile(TimingProfile.CLASSROOM, namesrvAddr)
                .withPollNameServerInterval(Duration.ofMillis(500))
                .withHeartbeatBrokerInterval(Duration.ofSeconds(1))
                .withRebalanceInterval(Duration.ofSeconds(1))
                .withPersistConsumerOffsetInterval(Duration.ofSeconds(1))
                .withPullTimeDelayWhenException(Duration.ofMillis(200))
                .withClientIp("127.0.0.1")
                .withInstanceName("it-" + ProcessHandle.current().pid() + "-" + counter.incrementAndGet() + "-"
                        + System.nanoTime());
    }

    /** Every event the instance publishes from now on. */
    static List<NodeEvent> record(ClientInstance client) {
        List<NodeEvent> events = new CopyOnWriteArrayList<>();
        client.events().subscribe(100_000, events::add, Runnable::run);
        return events;
    }
}
