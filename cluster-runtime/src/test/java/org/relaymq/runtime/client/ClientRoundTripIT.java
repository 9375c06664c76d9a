package org.relaymq.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.api.SendStatus;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;
import org.relaymq.runtime.client.producer.RelayProducer;

/** Our client against Apache RocketMQ 4.9.7's own NameServer and brokers (two masters), side by side with Apache's consumer. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientRoundTripIT {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private ApacheCluster cluster;
    private Path offsetDir;
    private final ClientTestKit kit = new ClientTestKit();

    @BeforeAll
    void startCluster(@TempDir Path dir) throws Exception {
        offsetDir = dir.resolve("offsets");
        cluster = new ApacheCluster(dir.resolve("store")).apacheNameServers(1).broker("broker-a")
                .broker("broker-b");
    }

    @AfterAll
    void stopCluster() {
        cluster.close();
    }

    @Test
    void everyKindOfSendComesBackThroughOurPushConsumerAndApaches() throws Exception {
        String topic = "RoundTrip";
        Map<String, Message> sent = new ConcurrentHashMap<>();
        try (RelayProducer producer = new RelayProducer("pg-rt", kit.config(cluster.namesrvAddr())).start()) {
            List<NodeEvent> events = ClientTestKit.record(producer.client());
            for (int i = 0; i < 8; i++) {
                Message m = new Message(topic, "Tag" + (i % 2), "key-" + i, ("sync-" + i).getBytes(StandardCharsets.UTF_8))
                        .userProperty("idx", Integer.toString(i));
                SendResult r = producer.send(m);
                assertThat(r.status()).isEqualTo(SendStatus.SEND_OK);
                assertThat(r.offsetMsgId()).hasSize(32);
                sent.put(r.msgId(), m);
            }
            for (int i = 0; i < 4; i++) {
                Message m = new Message(topic, "TagA", "akey-" + i, ("async-" + i).getBytes(StandardCharsets.UTF_8));
                sent.put(producer.sendAsync(m).get(10, TimeUnit.SECONDS).msgId(), m);
            }
            for (int i = 0; i < 3; i++) {
                Message m = new Message(topic, "TagB", "okey-" + i, ("oneway-" + i).getBytes(StandardCharsets.UTF_8));
                producer.sendOneway(m);
                sent.put(m.property("UNIQ_KEY"), m);
            }
            List<Message> batch = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                batch.add(new Message(topic, "TagC", "bkey-" + i, ("batch-" + i).getBytes(StandardCharsets.UTF_8)));
            }
            SendResult br = producer.send(batch);
            assertThat(br.msgId().split(",")).hasSize(5);
            batch.forEach(m -> sent.put(m.property("UNIQ_KEY"), m));
            byte[] big = new byte[10_000];
            java.util.Arrays.fill(big, (byte) 'z');
            Message large = new Message(topic, "TagZ", "big", big);
            sent.put(producer.send(large).msgId(), large);

            assertThat(events).extracting(NodeEvent::kind).contains(EventKind.ROUTE_POLLED, EventKind.SEND_DECISION,
                    EventKind.SEND_RESULT);
            assertThat(brokersUsed(events)).isNotEmpty();
        }
        assertThat(sent).hasSize(21);

        Map<String, org.relaymq.runtime.client.api.ReceivedMessage> ours = new ConcurrentHashMap<>();
        try (RelayPushConsumer consumer = new RelayPushConsumer("cg-rt", kit.config(cluster.namesrvAddr()))
                .subscribe(topic, "*").consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .registerMessageListener((msgs, mq) -> {
                    msgs.forEach(m -> ours.put(m.msgId(), m));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }).start()) {
            await().atMost(WAIT).until(() -> ours.size() >= sent.size());
        }
        assertThat(ours.keySet()).isEqualTo(sent.keySet());
        ours.forEach((id, m) -> {
            Message s = sent.get(id);
            assertThat(m.topic()).isEqualTo(topic);
            assertThat(m.tags()).isEqualTo(s.tags());
            assertThat(m.keys()).isEqualTo(s.keys());
            assertThat(m.body()).isEqualTo(s.body());
            assertThat(m.property("idx")).isEqualTo(s.property("idx"));
        });

        Map<String, org.apache.rocketmq.common.message.MessageExt> apache = new ConcurrentHashMap<>();
        DefaultMQPushConsumer official = new DefaultMQPushConsumer("cg-rt-apache");
        official.setNamesrvAddr(cluster.namesrvAddr());
        official.setInstanceName("apache-" + System.nanoTime());
        official.setConsumeFromWhere(org.apache.rocketmq.common.consumer.ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        official.subscribe(topic, "*");
        official.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            msgs.forEach(m -> apache.put(m.getMsgId(), m));
            return org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        official.start();
        try {
            await().atMost(WAIT).until(() -> apache.size() >= sent.size());
        } finally {
            official.shutdown();
        }
        assertThat(apache.keySet()).isEqualTo(ours.keySet());
        apache.forEach((id, m) -> {
            assertThat(m.getTags()).isEqualTo(ours.get(id).tags());
            assertThat(m.getKeys()).isEqualTo(ours.get(id).keys());
            assertThat(m.getBody()).isEqualTo(ours.get(id).body());
            assertThat(m.getQueueOffset()).isEqualTo(ours.get(id).queueOffset());
        });
    }

    @Test
    void clusteringSharesTheQueuesAndBroadcastingGivesEveryoneEverything() throws Exception {
        String topic = "Shared";
        try (RelayProducer producer = new RelayProducer("pg-shared", kit.config(cluster.namesrvAddr())).start()) {
            org.relaymq.runtime.client.admin.RelayAdmin admin =
                    new org.relaymq.runtime.client.admin.RelayAdmin(producer.client());
            admin.createTopic(ApacheCluster.CLUSTER, topic, 4);
            await().atMost(WAIT).until(() -> admin.topicRoute(topic).map(r -> r.brokerDatas().size()).orElse(0) == 2);
            Map<String, List<String>> clustered = new ConcurrentHashMap<>();
            Map<String, Set<String>> broadcast = new ConcurrentHashMap<>();
            List<RelayPushConsumer> consumers = new ArrayList<>();
            try {
                for (String name : List.of("c1", "c2")) {
                    consumers.add(consumer("cg-shared", name, org.relaymq.protocol.body.MessageModel.CLUSTERING,
                            (id, c) -> clustered.computeIfAbsent(id, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                                    .add(c), topic));
                    consumers.add(consumer("cg-bcast", name, org.relaymq.protocol.body.MessageModel.BROADCASTING,
                            (id, c) -> broadcast.computeIfAbsent(c, k -> ConcurrentHashMap.newKeySet()).add(id), topic));
                }
                await().atMost(WAIT).until(() -> queuesOf(consumers.get(0), topic) == 4
                        && queuesOf(consumers.get(2), topic) == 4 && queuesOf(consumers.get(1), topic) == 8
                        && queuesOf(consumers.get(3), topic) == 8);
                Set<String> ids = new java.util.HashSet<>();
                for (int i = 0; i < 40; i++) {
                    ids.add(producer.send(new Message(topic, "T", "s" + i, ("s" + i).getBytes())).msgId());
                }
                await().atMost(WAIT).until(() -> clustered.keySet().containsAll(ids)
                        && broadcast.getOrDefault("c1", Set.of()).containsAll(ids)
                        && broadcast.getOrDefault("c2", Set.of()).containsAll(ids));
                assertThat(clustered.values()).allMatch(who -> who.size() == 1);
                assertThat(clustered.values().stream().map(w -> w.get(0)).distinct()).hasSize(2);
            } finally {
                consumers.forEach(RelayPushConsumer::shutdown);
            }
        }
    }

    private RelayPushConsumer consumer(String group, String name, org.relaymq.protocol.body.MessageModel model,
                                       java.util.function.BiConsumer<String, String> seen, String topic) {
        return new RelayPushConsumer(group, kit.config(cluster.namesrvAddr()).withLocalOffsetDir(offsetDir))
                .subscribe(topic, "*").messageModel(model)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET)
                .registerMessageListener((msgs, mq) -> {
                    msgs.forEach(m -> seen.accept(m.msgId(), name));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }).start();
    }

    private static long queuesOf(RelayPushConsumer c, String topic) {
        return c.assignedQueues().stream().filter(q -> q.topic().equals(topic)).count();
    }

    static Set<String> brokersUsed(List<NodeEvent> events) {
        Set<String> out = new java.util.HashSet<>();
        events.stream().filter(e -> e.kind().equals(EventKind.SEND_RESULT))
                .filter(e -> e.data().get("ok").getAsBoolean())
                .forEach(e -> out.add(e.data().getAsJsonObject("queue").get("broker").getAsString()));
        return out;
    }
}
