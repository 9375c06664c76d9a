package org.relaymq.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.runtime.client.admin.RelayAdmin;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.relaymq.runtime.client.consumer.RelayLitePullConsumer;
import org.relaymq.runtime.client.producer.RelayProducer;

/** The lite pull consumer against Apache RocketMQ 4.9.7's own NameServer and broker: assign + seek, shared queues, commits. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LitePullConsumerIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration POLL = Duration.ofMillis(200);

    private final ClientTestKit kit = new ClientTestKit();
    private ApacheCluster cluster;
    private RelayProducer producer;
    private RelayAdmin admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cluster = new ApacheCluster(dir).apacheNameServers(1).broker("broker-a");
        producer = new RelayProducer("pg-lite", kit.config(cluster.namesrvAddr())).start();
        admin = new RelayAdmin(producer.client());
    }

    @AfterAll
    void stop() {
        producer.close();
        cluster.close();
    }

    private void topicWith(String topic, int queues, int messages) throws Exception {
        admin.createTopic(ApacheCluster.CLUSTER, topic, queues);
        await().atMost(WAIT).until(() -> admin.topicRoute(topic).isPresent());
        for (int i = 0; i < messages; i++) {
            producer.send(new Message(topic, "T", "k" + i, ("m" + i).getBytes(StandardCharsets.UTF_8)));
        }
    }

    private static List<ReceivedMessage> pollUntil(RelayLitePullConsumer c, List<ReceivedMessage> into, int count) {
        await().atMost(WAIT).until(() -> {
            into.addAll(c.poll(POLL));
            return into.size() >= count;
        });
        return into;
    }

    private static List<Long> offsets(List<ReceivedMessage> msgs) {
        return msgs.stream().map(ReceivedMessage::queueOffset).toList();
    }

    private static List<Long> range(long from, long toExclusive) {
        List<Long> out = new ArrayList<>();
        for (long i = from; i < toExclusive; i++) {
            out.add(i);
        }
        return out;
    }

    @Test
    void assignedQueueIsReadAgainFromWhereItWasSought() throws Exception {
        topicWith("LiteSeek", 1, 10);
        MessageQueue mq = new MessageQueue("broker-a", 0, "LiteSeek");
        try (RelayLitePullConsumer c = new RelayLitePullConsumer("lp-seek", kit.config(cluster.namesrvAddr()))
                .assign(List.of(mq)).autoCommit(false).consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .start()) {
            assertThat(offsets(pollUntil(c, new ArrayList<>(), 10))).isEqualTo(range(0, 10));
            assertThat(c.position(mq)).isEqualTo(10);

            c.seek(mq, 3);
            assertThat(offsets(pollUntil(c, new ArrayList<>(), 7))).isEqualTo(range(3, 10));

            c.seekToBegin(mq);
            List<ReceivedMessage> again = pollUntil(c, new ArrayList<>(), 1);
            assertThat(again.get(0).queueOffset()).isZero();
            assertThat(again.get(0).body()).isEqualTo("m0".getBytes(StandardCharsets.UTF_8));
            c.seekToEnd(mq);
            assertThat(c.poll(POLL)).isEmpty();
            assertThat(c.position(mq)).isEqualTo(10);
        }
    }

    @Test
    void subscribedMembersShareTheQueuesAndAutoCommitTheirPositions() throws Exception {
        String topic = "LiteShared";
        topicWith(topic, 4, 0);
        List<RelayLitePullConsumer> members = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                members.add(new RelayLitePullConsumer("lp-shared", kit.config(cluster.namesrvAddr()))
                        .subscribe(topic, "*").autoCommitInterval(Duration.ofMillis(500))
                        .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).start());
            }
            await().atMost(WAIT).until(() -> members.get(0).assignment().size() == 2
                    && members.get(1).assignment().size() == 2);
            Set<MessageQueue> union = new HashSet<>(members.get(0).assignment());
            union.addAll(members.get(1).assignment());
            assertThat(union).hasSize(4);

            for (int i = 0; i < 20; i++) {
                producer.send(new Message(topic, "T", "k" + i, ("s" + i).getBytes(StandardCharsets.UTF_8)));
            }
            List<List<ReceivedMessage>> seen = List.of(new CopyOnWriteArrayList<>(), new CopyOnWriteArrayList<>());
            await().atMost(WAIT).until(() -> {
                for (int i = 0; i < 2; i++) {
                    seen.get(i).addAll(members.get(i).poll(Duration.ofMillis(50)));
                }
                return seen.get(0).size() + seen.get(1).size() >= 20;
            });
            for (int i = 0; i < 2; i++) {
                Set<MessageQueue> own = members.get(i).assignment();
                assertThat(seen.get(i)).allMatch(m -> own.contains(m.queue()));
            }
            assertThat(seen.get(0).size() + seen.get(1).size()).isEqualTo(20);
            members.forEach(LitePullConsumerIT::awaitPositionsCommitted);
        } finally {
            members.forEach(RelayLitePullConsumer::close);
        }
    }

    private static void awaitPositionsCommitted(RelayLitePullConsumer m) {
        await().atMost(WAIT).until(() -> {
            for (MessageQueue q : m.assignment()) {
                if (m.committed(q) != m.position(q)) {
                    return false;
                }
            }
            return true;
        });
    }

    @Test
    void aNewConsumerOfTheGroupGoesOnAfterTheCommittedOffset() throws Exception {
        topicWith("LiteCommit", 1, 10);
        MessageQueue mq = new MessageQueue("broker-a", 0, "LiteCommit");
        long committed;
        try (RelayLitePullConsumer first = new RelayLitePullConsumer("lp-commit", kit.config(cluster.namesrvAddr()))
                .subscribe("LiteCommit", "*").autoCommit(false).pullBatchSize(4)
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).start()) {
            List<ReceivedMessage> got = pollUntil(first, new ArrayList<>(), 1);
            assertThat(got).hasSizeLessThanOrEqualTo(4);
            committed = first.position(mq);
            assertThat(committed).isEqualTo(got.size());
            assertThat(first.committed(mq)).as("nothing committed yet").isLessThanOrEqualTo(0);
            first.commitSync();
            assertThat(first.committed(mq)).isEqualTo(committed);
            pollUntil(first, new ArrayList<>(), 3);
        }
        try (RelayLitePullConsumer second = new RelayLitePullConsumer("lp-commit", kit.config(cluster.namesrvAddr()))
                .subscribe("LiteCommit", "*").consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).start()) {
            assertThat(offsets(pollUntil(second, new ArrayList<>(), (int) (10 - committed))))
                    .isEqualTo(range(committed, 10));
        }
    }
}
