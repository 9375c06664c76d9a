package org.relaymq.runtime.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;
import org.relaymq.runtime.client.producer.RelayProducer;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.testkit.RuntimeProcess;

/**
 * The runtime jar as real processes: a NameServer and a SYNC_FLUSH broker. A producer in this JVM sends a
 * bounded stream; the broker is killed with SIGKILL mid-stream and restarted on the same port and store;
 * every message acknowledged SEND_OK must still be there and consumable.
 */
class BrokerProcessIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final int MESSAGES = 2_000;
    private static final int KILL_AFTER_ACKS = 700;
    /** Concurrent senders, so SYNC_FLUSH group commits cover several puts and sends are in flight at the kill. */
    private static final int STREAMS = 4;
    private static final String TOPIC = "ProcessCrashTopic";

    @Test
    void everyAcknowledgedMessageSurvivesAKillDashNineOfASyncFlushBroker(@TempDir Path dir) throws Exception {
        Path store = Files.createDirectories(dir.resolve("store"));
        Path conf = dir.resolve("broker.conf");
        // small segments so the stream crosses several commit-log files before and after the crash
        Files.writeString(conf, "brokerClusterName=ProcCluster\nbrokerName=proc-broker\n"
                + "mappedFileSizeCommitLog=262144\n");
        try (RuntimeProcess ns = RuntimeProcess.start("namesrv", "--host", "127.0.0.1", "--port", "0",
                "--profile", "classroom").awaitReady(START)) {
            long t0 = System.nanoTime();
            RuntimeProcess first = startBroker(ns.address(), "0", store, conf);
            System.out.printf("[BrokerProcessIT] broker ready after %d ms%n", (System.nanoTime() - t0) / 1_000_000);
            RuntimeProcess[] second = new RuntimeProcess[1];
            try {
                Set<String> acked = produceThroughACrash(ns.address(), first, second, store, conf);
                assertThat(acked).hasSize(MESSAGES);
                long c0 = System.nanoTime();
                Map<String, Integer> recovered = consumeAll(ns.address(), acked);
                System.out.printf("[BrokerProcessIT] consumed in %d ms%n", (System.nanoTime() - c0) / 1_000_000);
                System.out.printf("[BrokerProcessIT] recovered after restart: %d distinct keys (%d records)%n",
                        recovered.size(), recovered.values().stream().mapToInt(Integer::intValue).sum());
                assertThat(recovered.keySet()).containsAll(acked);
            } finally {
                if (second[0] != null) {
                    second[0].close();
                }
                first.close();
            }
        }
    }

    /** Streams MESSAGES sends, kills {@code first} after KILL_AFTER_ACKS acks and restarts it into {@code second[0]}. */
    private static Set<String> produceThroughACrash(String namesrv, RuntimeProcess first, RuntimeProcess[] second,
                                                    Path store, Path conf) throws Exception {
        Set<String> acked = ConcurrentHashMap.newKeySet();
        AtomicInteger failedAttempts = new AtomicInteger();
        AtomicReference<Throwable> producerFailure = new AtomicReference<>();
        try (RelayProducer producer = new RelayProducer("pg-crash", clientConfig(namesrv, "p"))
                .sendMsgTimeout(Duration.ofSeconds(3)).start()) {
            List<Thread> streams = new ArrayList<>();
            for (int s = 0; s < STREAMS; s++) {
                int first0 = s * (MESSAGES / STREAMS);
                streams.add(new Thread(() -> produce(producer, first0, MESSAGES / STREAMS, acked, failedAttempts,
                        producerFailure), "it-crash-producer-" + s));
            }
            long p0 = System.nanoTime();
            streams.forEach(Thread::start);
            try {
                await("acks before the kill").atMost(START)
                        .until(() -> acked.size() >= KILL_AFTER_ACKS || streams.stream().noneMatch(Thread::isAlive));
                long k0 = System.nanoTime();
                System.out.printf("[BrokerProcessIT] %d acks in %d ms%n", acked.size(), (k0 - p0) / 1_000_000);
                first.kill();
                int ackedAtKill = acked.size();
                first.awaitExit(Duration.ofSeconds(10));
                second[0] = startBroker(namesrv, Integer.toString(first.port()), store, conf);
                assertThat(second[0].port()).isEqualTo(first.port());
                System.out.printf("[BrokerProcessIT] restarted after %d ms%n", (System.nanoTime() - k0) / 1_000_000);
                for (Thread t : streams) {
                    t.join(Duration.ofSeconds(60).toMillis());
                    assertThat(t.isAlive()).as("producer stream %s finished", t.getName()).isFalse();
                }
                System.out.printf("[BrokerProcessIT] producer done after %d ms%n", (System.nanoTime() - k0) / 1_000_000);
                assertThat(producerFailure.get()).isNull();
                System.out.printf("[BrokerProcessIT] acked before kill: %d, acked in all: %d of %d, "
                        + "failed attempts while down: %d%n", ackedAtKill, acked.size(), MESSAGES,
                        failedAttempts.get());
            } finally {
                for (Thread t : streams) {
                    t.interrupt();
                    t.join(10_000);
                }
            }
        }
        return acked;
    }

    private static RuntimeProcess startBroker(String namesrv, String port, Path store, Path conf)
            throws Exception {
        RuntimeProcess p = RuntimeProcess.start("broker", "--host", "127.0.0.1", "--port", port, "--namesrv",
                namesrv, "--store", store.toString(), "--profile", "classroom", "--flush", "SYNC",
                "--config", conf.toString());
        try {
            return p.awaitReady(START);
        } catch (AssertionError e) {
            p.close();
            throw e;
        }
    }

    /** Sends keys {@code from .. from+count-1} in order; a failed send is retried (bounded) until acknowledged. */
    private static void produce(RelayProducer producer, int from, int count, Set<String> acked, AtomicInteger failed,
                                AtomicReference<Throwable> failure) {
        try {
            for (int i = from; i < from + count && !Thread.currentThread().isInterrupted(); i++) {
                String key = "key-" + i;
                Message m = new Message(TOPIC, "crash", key, ("payload-" + i).getBytes(StandardCharsets.UTF_8));
                await().atMost(Duration.ofSeconds(40)).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                        .until(() -> {
                            try {
                                if (producer.send(m).isOk()) {
                                    acked.add(key);
                                    return true;
                                }
                            } catch (ClientException e) {
                                failed.incrementAndGet();
                            }
                            return false;
                        });
            }
        } catch (Throwable t) {
            failure.compareAndSet(null, t);
        }
    }

    private static Map<String, Integer> consumeAll(String namesrv, Set<String> expected) throws Exception {
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        try (RelayPushConsumer c = new RelayPushConsumer("cg-crash-check", clientConfig(namesrv, "c"))
                .subscribe(TOPIC, "*").consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .pullBatchSize(32)
                .registerMessageListener((msgs, q) -> {
                    msgs.forEach(m -> seen.merge(m.keys(), 1, Integer::sum));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }).start()) {
            await("every acknowledged message consumed").atMost(Duration.ofSeconds(30))
                    .until(() -> seen.keySet().containsAll(expected));
        }
        return seen;
    }

    private static ClientConfig clientConfig(String namesrv, String role) {
        return ClientConfig.fromProfile(TimingProfile.CLASSROOM, namesrv)
                .withPollNameServerInterval(Duration.ofMillis(500))
                .withHeartbeatBrokerInterval(Duration.ofSeconds(1))
                .withRebalanceInterval(Duration.ofSeconds(1))
                .withPullTimeDelayWhenException(Duration.ofMillis(200))
                .withClientIp("127.0.0.1")
                .withInstanceName("proc-it-" + role + "-" + System.nanoTime());
    }
}
