package org.relaymq.runtime.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.protocol.message.StoredMessageCodec;
import org.relaymq.runtime.broker.Broker;
import org.relaymq.runtime.broker.store.GetMessageResult;
import org.relaymq.runtime.broker.store.MessageFilter;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;
import org.relaymq.runtime.client.producer.RelayProducer;

/**
 * Our own client library against two NameServers and two brokers, in process: spreading over both
 * brokers, long polling, retry and dead-letter queue, consumer offsets across a broker restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerClusterIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private InProcessCluster cluster;

    @BeforeAll
    void start(@TempDir Path dir) {
        cluster = new InProcessCluster(dir).nameServers(2).brokers(2);
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private RelayPushConsumer consumer(String group, String topic, Map<String, ReceivedMessage> sink) {
        return new RelayPushConsumer(group, cluster.clientConfig()).subscribe(topic, "*")
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .registerMessageListener((msgs, queue) -> {
                    msgs.forEach(m -> sink.merge(m.msgId(), m, (a, b) -> {
                        throw new AssertionError("duplicate delivery of " + b);
                    }));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
    }

    @Test
    void messagesSpreadOverBothBrokersAndTwoMembersConsumeEachOnce() throws Exception {
        String topic = "ClusterSpread";
        cluster.createTopic(topic, 4);
        Map<String, ReceivedMessage> received = new ConcurrentHashMap<>();
        try (RelayPushConsumer a = consumer("cg-spread", topic, received).start();
             RelayPushConsumer b = consumer("cg-spread", topic, received).start();
             RelayProducer producer = new RelayProducer("pg-spread", cluster.clientConfig()).start()) {
            await("the two members split the 8 queues").atMost(WAIT).until(() -> {
                Set<MessageQueue> qa = ofTopic(a.assignedQueues(), topic);
                Set<MessageQueue> qb = ofTopic(b.assignedQueues(), topic);
                return qa.size() == 4 && qb.size() == 4 && Collections.disjoint(qa, qb);
            });
            List<SendResult> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                results.add(producer.send(new Message(topic, "t", "k" + i, bytes("spread-" + i))));
            }
            assertThat(results).allMatch(SendResult::isOk);
            assertThat(results.stream().map(r -> r.queue().brokerName()).distinct())
                    .containsExactlyInAnyOrder(cluster.brokerName(0), cluster.brokerName(1));
            Set<String> ids = results.stream().map(SendResult::msgId).collect(Collectors.toSet());
            await("all consumed").atMost(WAIT).until(() -> received.keySet().containsAll(ids));
            assertThat(received.keySet()).isEqualTo(ids);
            assertThat(received.values().stream().map(ReceivedMessage::brokerName).distinct()).hasSize(2);
        }
    }

    private static Set<MessageQueue> ofTopic(Set<MessageQueue> queues, String topic) {
        return queues.stream().filter(q -> q.topic().equals(topic)).collect(Collectors.toSet());
    }

    @Test
    void aPullHeldOnAnEmptyQueueWakesWhenAMessageArrives() throws Exception {
        String topic = "LongPollTopic";
        cluster.createTopicOn(0, topic, 1);
        Broker broker = cluster.broker(0);
        AtomicLong arrivedAt = new AtomicLong();
        long requestsBefore = broker.store().stats().getRequests();
        try (RelayPushConsumer c = new RelayPushConsumer("cg-longpoll", cluster.clientConfig()).subscribe(topic, "*")
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .registerMessageListener((msgs, q) -> {
                    arrivedAt.compareAndSet(0, System.nanoTime());
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }).start();
             RelayProducer producer = new RelayProducer("pg-longpoll", cluster.clientConfig()).start()) {
            await("the consumer owns the queue and has pulled it").atMost(WAIT)
                    .until(() -> !ofTopic(c.assignedQueues(), topic).isEmpty()
                            && broker.store().stats().getRequests() > requestsBefore);
            long idleRequests = broker.store().stats().getRequests();
            long sentAt = System.nanoTime();
            assertThat(producer.send(new Message(topic, bytes("wake up"))).isOk()).isTrue();
            await("delivery").atMost(Duration.ofSeconds(14)).until(() -> arrivedAt.get() != 0);
            long latencyMillis = (arrivedAt.get() - sentAt) / 1_000_000;
            long requests = broker.store().stats().getRequests() - requestsBefore;
            System.out.printf("[BrokerClusterIT] long-poll wake-up latency %d ms, %d store reads in all (%d idle)%n",
                    latencyMillis, requests, idleRequests - requestsBefore);
            assertThat(latencyMillis).as("woken by the arrival, not by the 15 s suspend timeout").isLessThan(3_000);
            assertThat(requests).as("no busy polling").isLessThan(20);
        }
    }

    @Test
    void aMessageFailingMaxReconsumeTimesEndsInTheDeadLetterQueue() throws Exception {
        String topic = "DlqTopic";
        String group = "cg-dlq";
        cluster.createTopicOn(0, topic, 1);
        List<ReceivedMessage> attempts = new CopyOnWriteArrayList<>();
        try (RelayPushConsumer c = new RelayPushConsumer(group, cluster.clientConfig()).subscribe(topic, "*")
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).maxReconsumeTimes(2)
                .registerMessageListener((msgs, q) -> {
                    attempts.addAll(msgs);
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }).start();
             RelayProducer producer = new RelayProducer("pg-dlq", cluster.clientConfig()).start()) {
            String msgId = producer.send(new Message(topic, "d", "dead-key", bytes("poison"))).msgId();
            String dlq = "%DLQ%" + group;
            Broker broker = cluster.broker(0);
            await("dead-lettered").atMost(WAIT).until(() -> broker.store().maxOffsetInQueue(dlq, 0) == 1);
            assertThat(attempts).extracting(ReceivedMessage::reconsumeTimes).containsExactly(0, 1, 2);
            assertThat(attempts).extracting(ReceivedMessage::msgId).containsOnly(msgId);
            GetMessageResult got = broker.store().get(group, dlq, 0, 0, 1, 1 << 20, MessageFilter.ALL);
            List<StoredMessage> dead = StoredMessageCodec.decodeAll(ByteBuffer.wrap(got.toByteArray()));
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).body(), StandardCharsets.UTF_8)).isEqualTo("poison");
            assertThat(dead.get(0).reconsumeTimes()).isEqualTo(3);
            assertThat(broker.core().topics().find(dlq)).isPresent();
            cluster.awaitRoute(dlq, cluster.brokerName(0));
        }
    }

    @Test
    void consumedOffsetsSurviveABrokerRestart() throws Exception {
        String topic = "RestartTopic";
        String group = "cg-restart";
        cluster.createTopicOn(1, topic, 2);
        Set<String> firstHalf;
        Set<String> secondHalf = new java.util.HashSet<>();
        try (RelayProducer producer = new RelayProducer("pg-restart", cluster.clientConfig()).start()) {
            firstHalf = sendTen(producer, topic, "first");
            Map<String, ReceivedMessage> before = new ConcurrentHashMap<>();
            try (RelayPushConsumer c = consumer(group, topic, before).start()) {
                await("first half consumed").atMost(WAIT).until(() -> before.keySet().containsAll(firstHalf));
            }
            secondHalf.addAll(sendTen(producer, topic, "second"));
        }
        cluster.restartBroker(1);
        Map<String, ReceivedMessage> after = new ConcurrentHashMap<>();
        try (RelayPushConsumer c = consumer(group, topic, after).start()) {
            await("second half consumed after the restart").atMost(WAIT)
                    .until(() -> after.keySet().containsAll(secondHalf));
            assertThat(after.keySet()).as("only what was not consumed before").isEqualTo(secondHalf);
        }
    }

    private static Set<String> sendTen(RelayProducer producer, String topic, String label) throws Exception {
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            SendResult r = producer.send(new Message(topic, label, label + i, bytes(label + "-" + i)));
            assertThat(r.isOk()).isTrue();
            ids.add(r.msgId());
        }
        return ids;
    }
}
