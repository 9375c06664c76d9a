package org.relaymq.runtime.broker.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The failover proof with real processes (see {@link ProcessCluster}), run by a client under test: a
 * producer sends continuously, a consumer group consumes; broker-a's master is killed with SIGKILL and later
 * restarted. Before the kill the consumer is held for a moment (its listener blocks) so that broker-a holds
 * more unconsumed messages than the client caches: those can only come from the slave. Prints the figures.
 */
abstract class FailoverScenario {

    static final String GROUP = "cg-failover";
    private static final Duration WAIT = Duration.ofSeconds(30);
    /** More than a push consumer caches for broker-a's two queues (1000 messages per queue, plus a pull). */
    private static final int BACKLOG = 2 * 1100 + 400;
    private static final int MAX_SENDS = 200_000;
    private static final long SEND_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1) / 4000;

    /** One acknowledged send. */
    record Sent(String body, String broker, int queueId, long queueOffset, String status, long doneNanos,
                long latencyNanos) {
    }

    /** One delivery to the listener. */
    record Consumed(String body, String broker, int queueId, long queueOffset, long atNanos) {
        String position() {
            return broker + ":" + queueId + "#" + queueOffset;
        }
    }

    /** A send that reached the application as a failure. */
    record Failed(String body, long atNanos, String error) {
    }

    /** The producer of the client under test. */
    interface Producer extends AutoCloseable {
        Sent send(String body) throws Exception;
    }

    @TempDir
    Path dir;

    private final List<Sent> sent = new CopyOnWriteArrayList<>();
    private final List<Failed> failed = new CopyOnWriteArrayList<>();
    private final List<Consumed> consumed = new CopyOnWriteArrayList<>();
    private final AtomicBoolean holding = new AtomicBoolean();
    private final CountDownLatch release = new CountDownLatch(1);

    /** The client's name in the printed figures. */
    abstract String clientName();

    abstract Producer producer(String namesrvAddr) throws Exception;

    /** A started push consumer of {@link #GROUP} on {@link ProcessCluster#TOPIC} from the first offset. */
    abstract AutoCloseable consumer(String namesrvAddr) throws Exception;

    /** Client-specific checks once consumption is back on the restarted master. */
    void afterMasterReturned(ProcessCluster cluster) {
    }

    /** What the consumer's listener calls for every message; blocks while the consumer is held. */
    final void onMessage(Consumed c) {
        consumed.add(c);
        if (holding.get()) {
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void killingBrokerAsMasterLosesNoAcknowledgedMessageAndConsumptionFollowsTheSlaveAndBack() throws Exception {
        long t0 = System.nanoTime();
        try (ProcessCluster cluster = new ProcessCluster(dir).start();
             Producer producer = producer(cluster.namesrvAddr());
             AutoCloseable consumer = consumer(cluster.namesrvAddr())) {
            Senders senders = new Senders(producer);
            stage(t0, "cluster and clients started");
            try {
                senders.start();
                await().atMost(WAIT).untilAsserted(() -> {
                    assertThat(sent.stream().map(s -> s.broker() + " " + s.status()).distinct().toList())
                            .as("sends so far (%d failed: %s)", failed.size(), failed.isEmpty() ? "" : failed.get(0))
                            .contains("broker-a SEND_OK");
                    assertThat(acked("broker-a", s -> s.status().equals("SEND_OK"))).isGreaterThanOrEqualTo(200);
                    assertThat(consumed.size()).as("consumed").isGreaterThanOrEqualTo(200);
                    assertThat(cluster.knowsTopic(cluster.slaveAddr())).as("slave has the topic").isTrue();
                });

                stage(t0, "warm: broker-a acknowledged under SYNC_MASTER, consumer consuming");
                holding.set(true);
                long ackedAtHold = acked("broker-a", s -> true);
                await().atMost(WAIT).until(() -> acked("broker-a", s -> true) >= ackedAtHold + BACKLOG);
                stage(t0, "backlog built on broker-a");
                long kill = System.nanoTime();
                cluster.killMaster();
                release.countDown();
                holding.set(false);
                List<Sent> ackedByA = sentBy("broker-a", kill);
                await().atMost(WAIT).until(() -> consumedBodies().containsAll(bodies(ackedByA)));
                long allAConsumed = System.nanoTime();
                stage(t0, "every message broker-a acknowledged before the kill consumed");
                long servedBySlave = cluster.messagesServed(cluster.slaveAddr());
                await().atMost(WAIT).until(() -> sent.stream().filter(s -> s.broker().equals("broker-b")
                        && s.doneNanos() > kill).count() >= 500);

                stage(t0, "broker-b took the sends");
                long restart = System.nanoTime();
                cluster.restartMaster();
                long ready = System.nanoTime();
                await().atMost(WAIT).until(() -> sent.stream().filter(s -> s.broker().equals("broker-a")
                        && s.doneNanos() > ready).count() >= 200);
                await().atMost(WAIT).until(() -> cluster.messagesServed(cluster.masterAddr()) > 0);
                stage(t0, "master back and serving the consumer");
                afterMasterReturned(cluster);
                senders.stop();
                await().atMost(WAIT).until(() -> consumedBodies().containsAll(bodies(sent)));
                stage(t0, "everything acknowledged consumed");
                awaitOffsetsCommittedOnMaster(cluster);

                Figures f = new Figures(kill, allAConsumed, restart, ready, servedBySlave,
                        cluster.messagesServed(cluster.masterAddr()));
                System.out.println(f.render(System.nanoTime() - t0));
                assertThat(failed.stream().map(x -> x.body() + " failed " + TimeUnit.NANOSECONDS.toMillis(
                        x.atNanos() - kill) + " ms after the kill: " + x.error()).toList())
                        .as("send failures reaching the application").isEmpty();
                assertThat(servedBySlave).as("broker-a messages the slave served").isPositive();
                assertThat(f.redelivered).as("stored messages delivered twice").isZero();
            } finally {
                release.countDown();
                senders.stop();
            }
        }
    }

    private void stage(long t0, String what) {
        System.out.printf("[%s failover %6d ms] %s (sent %d, failed %d, consumed %d)%n", clientName(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0), what, sent.size(), failed.size(),
                consumed.size());
    }

    /** The group's committed offsets of broker-a's queues on the returned master reach the queues' ends. */
    private void awaitOffsetsCommittedOnMaster(ProcessCluster cluster) {
        await().atMost(WAIT).untilAsserted(() -> {
            for (int q = 0; q < ProcessCluster.QUEUES; q++) {
                assertThat(cluster.committedOffset(cluster.masterAddr(), GROUP, q)).as("committed offset of queue %d", q)
                        .isEqualTo(cluster.maxOffset(cluster.masterAddr(), q));
            }
        });
    }

    private long acked(String broker, Predicate<Sent> p) {
        return sent.stream().filter(s -> s.broker().equals(broker) && p.test(s)).count();
    }

    private List<Sent> sentBy(String broker, long beforeNanos) {
        return sent.stream().filter(s -> s.broker().equals(broker) && s.doneNanos() < beforeNanos).toList();
    }

    private Set<String> consumedBodies() {
        return consumed.stream().map(Consumed::body).collect(Collectors.toSet());
    }

    private static Set<String> bodies(List<Sent> list) {
        return list.stream().map(Sent::body).collect(Collectors.toSet());
    }

    /** Four sending threads, paced to at most 4000 sends a second together, bounded by count. */
    private final class Senders {
        private final Producer producer;
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final long startNanos = System.nanoTime();

        Senders(Producer producer) {
            this.producer = producer;
        }

        void start() {
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(this::loop, "failover-sender-" + t);
                threads.add(thread);
                thread.start();
            }
        }

        private void loop() {
            int i;
            while (!stop.get() && (i = next.getAndIncrement()) < MAX_SENDS) {
                long due = startNanos + i * SEND_INTERVAL_NANOS;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                String body = "m-" + i;
                try {
                    sent.add(producer.send(body));
                } catch (Exception e) {
                    failed.add(new Failed(body, System.nanoTime(), e.toString()));
                }
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (Thread t : threads) {
                t.join(10_000);
            }
        }
    }

    /** The printed figures. */
    private final class Figures {
        final long redelivered;
        private final String text;

        Figures(long kill, long allAConsumed, long restart, long ready, long servedBySlave, long servedByMaster) {
            Map<String, Long> positions = consumed.stream().collect(Collectors.groupingBy(Consumed::position,
                    Collectors.counting()));
            redelivered = positions.values().stream().mapToLong(n -> n - 1).sum();
            long bodyDuplicates = consumed.size() - consumedBodies().size() - redelivered;
            List<Sent> afterKill = sent.stream().filter(s -> s.doneNanos() > kill).sorted(
                    Comparator.comparingLong(Sent::doneNanos)).toList();
            long maxLatencyAfterKill = afterKill.stream().filter(s -> s.doneNanos() < restart)
                    .mapToLong(Sent::latencyNanos).max().orElse(0);
            long firstAfterKill = afterKill.isEmpty() ? 0 : afterKill.get(0).doneNanos() - kill;
            long sendGap = maxGap(kill, restart, afterKill.stream().mapToLong(Sent::doneNanos).boxed().toList());
            List<Long> aConsumption = consumed.stream().filter(c -> c.broker().equals("broker-a")
                    && c.atNanos() > kill).map(Consumed::atNanos).sorted().toList();
            long stall = maxGap(kill, allAConsumed, aConsumption);
            Set<String> sentAfterReturn = sent.stream().filter(s -> s.broker().equals("broker-a")
                    && s.doneNanos() > ready).map(Sent::body).collect(Collectors.toSet());
            long firstFromReturned = consumed.stream().filter(c -> sentAfterReturn.contains(c.body()))
                    .mapToLong(Consumed::atNanos).min().orElse(ready) - restart;
            String latency = latencyBeforeKill(kill, "broker-a") + ", " + latencyBeforeKill(kill, "broker-b");
            Map<String, Long> statuses = sent.stream().collect(Collectors.groupingBy(s -> s.broker() + " "
                    + s.status(), java.util.TreeMap::new, Collectors.counting()));
            text = String.format("%n=== failover figures (%s client) ===%n"
                            + "sends: %d acknowledged %s; failed sends reaching the application: %d%n"
                            + "send latency before the kill (p50/p99/max ms): %s%n"
                            + "send recovery after kill -9: first ack %d ms after the kill, longest gap between acks"
                            + " %d ms, slowest send %d ms (retried on broker-b inside the client)%n"
                            + "consumer: %d deliveries, %d stored messages delivered twice, %d producer-retry copies%n"
                            + "consumer stall on broker-a: longest pause %d ms; all %d messages broker-a acknowledged"
                            + " before the kill consumed %d ms after it; slave served %d messages%n"
                            + "master back: READY %d ms after restart, first new broker-a message consumed %d ms after"
                            + " restart; master served %d messages; offsets on the master = queue ends%n"
                            + "total %d ms%n",
                    clientName(), sent.size(), statuses, failed.size(), latency, millis(firstAfterKill), millis(sendGap),
                    millis(maxLatencyAfterKill), consumed.size(), redelivered, bodyDuplicates, millis(stall),
                    sentBy("broker-a", kill).size(), millis(allAConsumed - kill), servedBySlave,
                    millis(ready - restart), millis(firstFromReturned), servedByMaster, 0L);
        }

        private String latencyBeforeKill(long kill, String broker) {
            long[] l = sent.stream().filter(s -> s.broker().equals(broker) && s.doneNanos() < kill)
                    .mapToLong(Sent::latencyNanos).sorted().toArray();
            if (l.length == 0) {
                return broker + " -";
            }
            return String.format("%s %.1f/%.1f/%.1f", broker, l[l.length / 2] / 1e6, l[(int) (l.length * 0.99)] / 1e6,
                    l[l.length - 1] / 1e6);
        }

        String render(long totalNanos) {
            return text.replace("total 0 ms", "total " + millis(totalNanos) + " ms");
        }

        private static long maxGap(long from, long to, List<Long> times) {
            long last = from;
            long gap = 0;
            for (long t : times) {
                if (t > to) {
                    break;
                }
                gap = Math.max(gap, t - last);
                last = t;
            }
            return Math.max(gap, to - last);
        }

        private static long millis(long nanos) {
            return TimeUnit.NANOSECONDS.toMillis(nanos);
        }
    }
}
