package org.relaymq.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.client.admin.RelayAdmin;
import org.relaymq.runtime.client.api.FaultTable;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.producer.RelayProducer;

/** Failures with Apache 4.9.7 brokers: NameServers gone, a broker gone. */
class ClientFailoverIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final ClientTestKit kit = new ClientTestKit();

    @TempDir
    Path dir;

    private static Message msg(String topic, int i) {
        return new Message(topic, "T", "k" + i, ("m" + i).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void withEveryNameServerDownSendsGoOnFromTheCachedRoute() throws Exception {
        try (ApacheCluster cluster = new ApacheCluster(dir).nameServers(2).broker("broker-a");
             RelayProducer producer = new RelayProducer("pg-ns", kit.config(cluster.namesrvAddr())).start()) {
            List<NodeEvent> events = ClientTestKit.record(producer.client());
            assertThat(producer.send(msg("NsDown", 0)).isOk()).isTrue();
            cluster.stopNameServers();
            await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.kind().equals(EventKind.NAMESRV_UNREACHABLE)));
            assertThat(producer.client().namesrvStatus().reachable()).isFalse();
            for (int i = 1; i <= 5; i++) {
                assertThat(producer.send(msg("NsDown", i)).isOk()).isTrue();
            }
        }
    }

    @Test
    void aStoppedBrokerIsIsolatedAndSkippedWithTheReasonInTheDecision() throws Exception {
        try (ApacheCluster cluster = new ApacheCluster(dir).nameServers(1).broker("broker-a").broker("broker-b");
             RelayProducer producer = new RelayProducer("pg-kill", kit.config(cluster.namesrvAddr())
                     .withPollNameServerInterval(Duration.ofSeconds(60))).sendLatencyFaultEnable(FaultTable.APACHE_4X)) {
            RelayAdmin admin = new RelayAdmin(producer.client());
            assertThat(admin.createTopic(ApacheCluster.CLUSTER, "Killed", 2)).hasSize(2);
            await().atMost(WAIT).until(() -> admin.topicRoute("Killed").map(r -> r.brokerDatas().size()).orElse(0) == 2);
            producer.start();
            List<NodeEvent> events = ClientTestKit.record(producer.client());
            for (int i = 0; i < 4; i++) {
                assertThat(producer.send(msg("Killed", i)).isOk()).isTrue();
            }
            assertThat(ClientRoundTripIT.brokersUsed(events)).containsExactlyInAnyOrder("broker-a", "broker-b");

            cluster.stopBroker("broker-b");
            events.clear();
            for (int i = 0; i < 6; i++) {
                assertThat(producer.send(msg("Killed", i)).queue().brokerName()).isEqualTo("broker-a");
            }
            assertThat(events).anyMatch(e -> e.kind().equals(EventKind.BROKER_ISOLATED)
                    && e.data().get("broker").getAsString().equals("broker-b"));
            assertThat(events).filteredOn(e -> e.kind().equals(EventKind.SEND_DECISION))
                    .anyMatch(e -> e.data().getAsJsonArray("skipped").toString().contains("broker-b")
                            && e.data().getAsJsonArray("skipped").toString().contains("isolated until"));
        }
    }
}
