package org.relaymq.runtime.namesrv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.relaymq.runtime.namesrv.Registrations.broker;
import static org.relaymq.runtime.namesrv.Registrations.topic;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.ClusterInfo;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.ManualClock;
import org.relaymq.runtime.telemetry.EventBus;
import org.relaymq.runtime.telemetry.Subscription;

class RouteStateConcurrencyTest {

    private static final int WRITERS = 4;
    private static final int READERS = 4;
    private static final int WRITER_ROUNDS = 400;
    private static final int READER_ROUNDS = 3_000;

    private final ManualClock clock = new ManualClock();
    private final EventBus bus = new EventBus("namesrv@test:0", clock, 1_000);
    private final Subscription events = bus.subscribe(1_000_000);
    private final RouteState state = new RouteState(NamesrvConfig.defaults(), bus);
    private final AtomicLong tick = new AtomicLong();
    private final ConcurrentLinkedQueue<String> violations = new ConcurrentLinkedQueue<>();

    @Test
    void readersNeverSeeARouteWhoseBrokersAndQueuesDisagree() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + READERS);
        CountDownLatch go = new CountDownLatch(1);
        List<Callable<Void>> work = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int writer = w;
            work.add(() -> {
                go.await();
                write(writer);
                return null;
            });
        }
        for (int r = 0; r < READERS; r++) {
            work.add(() -> {
                go.await();
                read();
                return null;
            });
        }
        try {
            List<Future<Void>> futures = work.stream().map(pool::submit).toList();
            go.countDown();
            for (Future<Void> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(violations).isEmpty();
        assertThat(state.liveBrokers()).isEmpty();
        assertThat(state.allTopics()).isEmpty();
        List<NodeEvent> all = events.poll(Integer.MAX_VALUE);
        assertThat(all).extracting(NodeEvent::seq).isSorted().doesNotHaveDuplicates();
        assertThat(all).hasSize((int) bus.lastSeq());
    }

    private void write(int writer) {
        for (int i = 0; i < WRITER_ROUNDS; i++) {
            String name = "broker-" + writer + "-" + (i % 3);
            String master = "10.0." + writer + "." + (i % 3) + ":10911";
            String slave = "10.1." + writer + "." + (i % 3) + ":10911";
            DataVersion v = new DataVersion(i, i);
            state.register(broker(name, 0, master, v, topic("Shared", 4), topic("Own-" + writer, 2)), now());
            state.register(broker(name, 1, slave, v), now());
            if (i % 2 == 0) {
                state.unregister(Registrations.CLUSTER, master, name, 0, now());
                state.removeByChannel("ch-" + slave, now());
            } else {
                state.removeByChannel("ch-" + master, now());
                state.unregister(Registrations.CLUSTER, slave, name, 1, now());
            }
        }
    }

    private void read() {
        for (int i = 0; i < READER_ROUNDS; i++) {
            state.routeOf("Shared").ifPresent(this::check);
            state.routeOf("Own-" + (i % WRITERS)).ifPresent(this::check);
            check(state.clusterInfo());
            if (i % 100 == 0) {
                state.snapshot(now()).routes().values().forEach(this::check);
            }
        }
    }

    private void check(TopicRouteData route) {
        Set<String> queueNames = new HashSet<>();
        route.queueDatas().stream().map(QueueData::brokerName).forEach(queueNames::add);
        Set<String> brokerNames = new HashSet<>();
        route.brokerDatas().stream().map(BrokerData::brokerName).forEach(brokerNames::add);
        if (!queueNames.equals(brokerNames)) {
            violations.add("queues " + queueNames + " vs brokers " + brokerNames);
        }
        route.brokerDatas().stream().filter(b -> b.brokerAddrs().isEmpty())
                .forEach(b -> violations.add("broker without address " + b));
    }

    private void check(ClusterInfo info) {
        Set<String> inClusters = new HashSet<>();
        info.clusterAddrTable().values().forEach(inClusters::addAll);
        if (!inClusters.equals(info.brokerAddrTable().keySet())) {
            violations.add("cluster table " + inClusters + " vs broker table " + info.brokerAddrTable().keySet());
        }
    }

    private Moment now() {
        long t = tick.incrementAndGet();
        return new Moment(t, clock.wallMillis() + t);
    }
}
