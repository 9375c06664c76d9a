package org.relaymq.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.runtime.client.admin.RelayAdmin;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.api.ConsumeOrderlyStatus;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;
import org.relaymq.runtime.client.producer.RelayProducer;

/** Push consumer behaviour against an Apache RocketMQ 4.9.7 broker: orderly across a rebalance, start by time. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PushConsumerBehaviourIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ClientTestKit kit = new ClientTestKit();
    private ApacheCluster cluster;
    private RelayProducer producer;
    private RelayAdmin admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cluster = new ApacheCluster(dir).nameServers(1).coldStore().broker("broker-a");
        producer = new RelayProducer("pg-behaviour", kit.config(cluster.namesrvAddr())).start();
        admin = new RelayAdmin(producer.client());
    }

    @AfterAll
    void stop() {
        producer.close();
        cluster.close();
    }

    private void createTopic(String topic, int queues) throws Exception {
        admin.createTopic(ApacheCluster.CLUSTER, topic, queues);
        await().atMost(WAIT).until(() -> admin.topicRoute(topic).isPresent());
    }

    /** consumer name → queue id → queue offsets in the order the listener saw them. */
    private final Map<String, Map<Integer, List<Long>>> seen = new ConcurrentHashMap<>();

    private RelayPushConsumer orderly(String name, String topic) {
        Map<Integer, List<Long>> mine = seen.computeIfAbsent(name, k -> new ConcurrentHashMap<>());
        return new RelayPushConsumer("co-order", kit.config(cluster.namesrvAddr())).subscribe(topic, "*")
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).lockRenewInterval(Duration.ofSeconds(1))
                .registerMessageListenerOrderly((msgs, mq) -> {
                    msgs.forEach(m -> mine.computeIfAbsent(m.queueId(), q -> new CopyOnWriteArrayList<>())
                            .add(m.queueOffset()));
                    return ConsumeOrderlyStatus.SUCCESS;
                });
    }

    @Test
    void orderlyConsumptionKeepsEachQueueInOrderWhileASecondMemberJoins() throws Exception {
        String topic = "Ordered";
        createTopic(topic, 4);
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService sender = Executors.newSingleThreadExecutor();
        try (RelayPushConsumer first = orderly("first", topic).start()) {
            await().atMost(WAIT).until(() -> owned(first, topic) == 4);
            Future<?> sending = sender.submit(() -> sendOrdered(topic, sent, stop));
            await().atMost(WAIT).until(() -> sent.get() >= 40);
            try (RelayPushConsumer second = orderly("second", topic).start()) {
                await().atMost(WAIT).until(() -> owned(first, topic) == 2 && owned(second, topic) == 2);
                await().atMost(WAIT).until(() -> seenBy("second") >= 20);
                stop.set(true);
                sending.get(30, TimeUnit.SECONDS);
                int total = sent.get();
                await().atMost(WAIT).until(() -> everyOffsetSeen(total));
            }
        } finally {
            stop.set(true);
            sender.shutdownNow();
        }
        seen.forEach((name, queues) -> queues.forEach((q, offsets) ->
                assertThat(offsets).as(name + " queue " + q).isSorted().doesNotHaveDuplicates()));
        seen.get("second").forEach((q, offsets) -> {
            List<Long> before = seen.get("first").getOrDefault(q, List.of());
            if (!before.isEmpty()) {
                assertThat(offsets.get(0)).as("queue " + q + " redelivers at most a suffix")
                        .isGreaterThan(before.get(0)).isLessThanOrEqualTo(before.get(before.size() - 1) + 1);
            }
        });
    }

    /** Message i goes to queue i % 4 until told to stop. */
    private Void sendOrdered(String topic, AtomicInteger sent, AtomicBoolean stop) throws Exception {
        for (int i = 0; !stop.get(); i++) {
            producer.send(new Message(topic, "O", "o" + i, ("o" + i).getBytes(StandardCharsets.UTF_8)),
                    (queues, msg, arg) -> queues.get((Integer) arg % queues.size()), i);
            sent.incrementAndGet();
        }
        return null;
    }

    private int seenBy(String name) {
        return seen.getOrDefault(name, Map.of()).values().stream().mapToInt(List::size).sum();
    }

    private static long owned(RelayPushConsumer c, String topic) {
        return c.assignedQueues().stream().filter(q -> q.topic().equals(topic)).count();
    }

    private boolean everyOffsetSeen(int total) {
        for (int q = 0; q < 4; q++) {
            int perQueue = total / 4 + (q < total % 4 ? 1 : 0);
            java.util.Set<Long> union = new java.util.HashSet<>();
            for (Map<Integer, List<Long>> byQueue : seen.values()) {
                union.addAll(byQueue.getOrDefault(q, List.of()));
            }
            if (union.size() < perQueue) {
                return false;
            }
        }
        return true;
    }

    @Test
    void consumeFromTimestampStartsAtTheFirstMessageStoredAfterIt() throws Exception {
        String topic = "FromTime";
        createTopic(topic, 1);
        for (int i = 0; i < 5; i++) {
            producer.send(new Message(topic, "A", "a" + i, ("before-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        long afterA = System.currentTimeMillis();
        await().atMost(WAIT).until(() -> System.currentTimeMillis() >= afterA + 1000);
        long timestamp = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            producer.send(new Message(topic, "B", "b" + i, ("after-" + i).getBytes(StandardCharsets.UTF_8)));
        }
        List<ReceivedMessage> got = new CopyOnWriteArrayList<>();
        try (RelayPushConsumer c = new RelayPushConsumer("ct-time", kit.config(cluster.namesrvAddr()))
                .subscribe(topic, "*").consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_TIMESTAMP)
                .consumeTimestamp(timestamp).registerMessageListener((msgs, mq) -> {
                    got.addAll(msgs);
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }).start()) {
            await().atMost(WAIT).until(() -> got.size() >= 5);
        }
        assertThat(got).extracting(ReceivedMessage::tags).containsOnly("B");
        assertThat(got).extracting(ReceivedMessage::queueOffset).containsExactlyInAnyOrder(5L, 6L, 7L, 8L, 9L);
    }
}
