package org.relaymq.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.message.StoredMessage;
import org.relaymq.runtime.client.admin.RelayAdmin;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;
import org.relaymq.runtime.client.producer.RelayProducer;

/** RelayAdmin against an Apache RocketMQ 4.9.7 broker: lookup by UNIQ_KEY, consumer lag, topic deletion. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelayAdminIT {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ClientTestKit kit = new ClientTestKit();
    private ApacheCluster cluster;
    private RelayProducer producer;
    private RelayAdmin admin;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        cluster = new ApacheCluster(dir).nameServers(1).broker("broker-a");
        producer = new RelayProducer("pg-admin", kit.config(cluster.namesrvAddr())).start();
        admin = new RelayAdmin(producer.client());
    }

    @AfterAll
    void stop() {
        producer.close();
        cluster.close();
    }

    private static Message msg(String topic, String key, String body) {
        return new Message(topic, "T", key, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aMessageIsFoundByItsUniqueKeyAndByItsOffsetId() throws Exception {
        producer.send(msg("Lookup", "other", "noise"));
        SendResult r = producer.send(msg("Lookup", "order-42", "the one"));
        producer.send(msg("Lookup", "other", "more noise"));
        await().atMost(WAIT).until(() -> !admin.queryByUniqKey("Lookup", r.msgId()).isEmpty());
        List<StoredMessage> found = admin.queryByUniqKey("Lookup", r.msgId());
        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.uniqKey()).isEqualTo(r.msgId());
            assertThat(m.keys()).isEqualTo("order-42");
            assertThat(new String(m.body(), StandardCharsets.UTF_8)).isEqualTo("the one");
            assertThat(m.offsetMsgId()).isEqualTo(r.offsetMsgId());
        });
        assertThat(admin.queryByKey("Lookup", "order-42", 32, 0, Long.MAX_VALUE)).extracting(StoredMessage::uniqKey)
                .containsExactly(r.msgId());
        assertThat(admin.viewByOffsetId(r.offsetMsgId()).uniqKey()).isEqualTo(r.msgId());
    }

    @Test
    void consumerLagCountsWhatTheGroupHasNotConsumedAndADeletedTopicLeavesRouteAndBroker() throws Exception {
        String topic = "Lagging";
        admin.createTopic(ApacheCluster.CLUSTER, topic, 2);
        await().atMost(WAIT).until(() -> admin.topicRoute(topic).isPresent());
        for (int i = 0; i < 10; i++) {
            producer.send(msg(topic, "k" + i, "m" + i));
        }
        AtomicInteger consumed = new AtomicInteger();
        try (RelayPushConsumer c = new RelayPushConsumer("cg-lag", kit.config(cluster.namesrvAddr()))
                .subscribe(topic, "*").consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .registerMessageListener((msgs, mq) -> {
                    consumed.addAndGet(msgs.size());
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                }).start()) {
            await().atMost(WAIT).until(() -> consumed.get() >= 10);
        }
        await().atMost(WAIT).until(() -> admin.consumerLag("cg-lag", topic) == 0);
        for (int i = 0; i < 5; i++) {
            producer.send(msg(topic, "late" + i, "late" + i));
        }
        // Apache's broker builds its consume queues a moment after a send returns (asynchronous dispatch)
        await().atMost(WAIT).untilAsserted(() -> assertThat(admin.consumerLag("cg-lag", topic)).isEqualTo(5));
        assertThat(admin.consumeStats("cg-lag").offsetTable()).hasSize(2)
                .allSatisfy((q, o) -> assertThat(q.topic()).isEqualTo(topic));

        admin.deleteTopic(ApacheCluster.CLUSTER, topic);
        assertThat(admin.topicRoute(topic)).isEmpty();
        assertThat(cluster.controller("broker-a").getTopicConfigManager().selectTopicConfig(topic)).isNull();
    }
}
