package org.relaymq.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.rocketmq.broker.BrokerController;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.client.admin.RelayAdmin;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;
import org.relaymq.runtime.client.producer.RelayProducer;

/**
 * An Apache 4.9.7 ASYNC_MASTER with its slave: once the master is stopped the NameServer keeps only the
 * slave (id 1) in the route and consumers pull from it (protocol.md §8.4), saying so in PULL_SOURCE.
 */
class SlaveReadIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String TOPIC = "Replicated";
    private final ClientTestKit kit = new ClientTestKit();

    @TempDir
    Path dir;

    private RelayPushConsumer consumer(ApacheCluster cluster, Set<String> into) {
        return new RelayPushConsumer("cg-slave", kit.config(cluster.namesrvAddr())).subscribe(TOPIC, "*")
                .consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET).registerMessageListener((msgs, mq) -> {
                    msgs.forEach(m -> into.add(new String(m.body(), StandardCharsets.UTF_8)));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
    }

    @Test
    void withTheMasterGoneConsumersGoOnFromTheSlave() throws Exception {
        try (ApacheCluster cluster = new ApacheCluster(dir).nameServers(1).broker("broker-a");
             RelayProducer producer = new RelayProducer("pg-slave", kit.config(cluster.namesrvAddr())).start()) {
            RelayAdmin admin = new RelayAdmin(producer.client());
            admin.createTopic(ApacheCluster.CLUSTER, TOPIC, 2);
            cluster.slave("broker-a");
            BrokerController master = cluster.controller("broker-a");
            BrokerController slave = cluster.controller("broker-a-s");
            await().atMost(WAIT).until(() -> slave.getTopicConfigManager().selectTopicConfig(TOPIC) != null);

            Set<String> firstRun = ConcurrentHashMap.newKeySet();
            sendAll(producer, "early", 10);
            try (RelayPushConsumer c = consumer(cluster, firstRun).start()) {
                await().atMost(WAIT).until(() -> firstRun.size() == 10);
            }
            sendAll(producer, "late", 10);
            await().atMost(WAIT).until(() -> slave.getMessageStore().getMaxPhyOffset()
                    == master.getMessageStore().getMaxPhyOffset());
            slave.getSlaveSynchronize().setMasterAddr(cluster.brokerAddr("broker-a"));
            slave.getSlaveSynchronize().syncAll(); // consumer offsets now, not at the next 10 s sync

            cluster.stopBroker("broker-a");
            await().atMost(WAIT).until(() -> admin.topicRoute(TOPIC).map(r -> r.brokerDatas().get(0).brokerAddrs()
                    .keySet()).orElse(Set.of()).equals(Set.of(1L)));

            Set<String> secondRun = ConcurrentHashMap.newKeySet();
            try (RelayPushConsumer c = consumer(cluster, secondRun)) {
                List<NodeEvent> events = ClientTestKit.record(c.client());
                c.start();
                await().atMost(WAIT).until(() -> secondRun.size() == 10);
                assertThat(secondRun).allMatch(b -> b.startsWith("late"));
                assertThat(events).filteredOn(e -> e.kind().equals(EventKind.PULL_SOURCE)).isNotEmpty()
                        .allSatisfy(e -> {
                            assertThat(e.data().get("source").getAsString()).isEqualTo("slave");
                            assertThat(e.data().get("addr").getAsString())
                                    .isEqualTo(cluster.brokerAddr("broker-a-s"));
                            assertThat(e.data().get("why").getAsString()).contains("master missing from route");
                        });
            }
        }
    }

    private static void sendAll(RelayProducer producer, String prefix, int n) throws Exception {
        for (int i = 0; i < n; i++) {
            producer.send(new Message(TOPIC, "T", prefix + i, (prefix + i).getBytes(StandardCharsets.UTF_8)));
        }
    }
}
