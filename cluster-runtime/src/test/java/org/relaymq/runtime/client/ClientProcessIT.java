package org.relaymq.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.client.admin.RelayAdmin;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.telemetry.RemoteEventSubscriber;
import org.relaymq.runtime.testkit.RuntimeProcess;

/**
 * {@code produce}, {@code consume} and {@code admin} as real processes of the runtime jar, against our
 * NameServer and an Apache 4.9.7 broker in this JVM: READY lines, the consumer's event port, graceful stop.
 */
class ClientProcessIT {

    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration WAIT = Duration.ofSeconds(40);
    private static final String TOPIC = "ProcTopic";

    @TempDir
    Path dir;

    @Test
    void producerAndConsumerProcessesAreWatchedOverTheirEventPortsAndStopOnSigterm() throws Exception {
        try (ApacheCluster cluster = new ApacheCluster(dir).nameServers(1).broker("broker-a");
             ExecutorScheduler scheduler = new ExecutorScheduler("it-watch-timer", 1);
             NettyRemotingClient remoting = new NettyRemotingClient(RemotingClientConfig.defaults()
                     .withName("it-watch"), scheduler, TimeSource.system());
             RemoteEventSubscriber watcher = new RemoteEventSubscriber(remoting);
             RuntimeProcess consumer = RuntimeProcess.start("consume", "--namesrv", cluster.namesrvAddr(),
                     "--topic", TOPIC, "--group", "cg-proc", "--from", "first", "--profile", "classroom",
                     "--rebalance-interval", "1s", "--report-interval", "500ms").awaitReady(START)) {
            assertThat(consumer.role()).isEqualTo("consumer");
            List<NodeEvent> events = new CopyOnWriteArrayList<>();
            RemoteEventSubscriber.Snapshot snapshot = watcher.subscribe(consumer.address(), events::add, 5000);
            assertThat(snapshot.node()).isEqualTo("consumer@" + consumer.address());
            assertThat(snapshot.state().get("group").getAsString()).isEqualTo("cg-proc");

            try (RuntimeProcess producer = RuntimeProcess.start("produce", "--namesrv", cluster.namesrvAddr(),
                    "--topic", TOPIC, "--count", "20", "--rate", "100", "--keys", "--profile", "classroom",
                    "--report-interval", "500ms").awaitReady(START)) {
                assertThat(producer.role()).isEqualTo("producer");
                await().atMost(WAIT).until(() -> producer.stderr().stream()
                        .anyMatch(l -> l.contains("sent=20 failed=0") && l.contains("done")));
                await().atMost(WAIT).until(() -> consumer.stderr().stream().anyMatch(l -> l.contains("consumed=20")));
                producer.terminate();
                assertThat(producer.awaitExit(Duration.ofSeconds(15))).isIn(0, 143);
            }
            await().atMost(WAIT).until(() -> events.stream().anyMatch(e -> e.kind().equals(EventKind.REBALANCE))
                    && events.stream().anyMatch(e -> e.kind().equals(EventKind.PULL_SOURCE)));
            assertThat(events).filteredOn(e -> e.kind().equals(EventKind.PULL_SOURCE))
                    .anySatisfy(e -> assertThat(e.data().get("source").getAsString()).isEqualTo("master"));
            assertThat(events).allMatch(e -> e.node().equals("consumer@" + consumer.address()));

            consumer.terminate();
            assertThat(consumer.awaitExit(Duration.ofSeconds(15))).isIn(0, 143);
            assertThat(consumer.stderr()).anyMatch(l -> l.contains("consumed=20") && l.contains("stopped"));
            try (ClientInstance client = ClientInstance.create(new ClientTestKit().config(cluster.namesrvAddr()))) {
                assertThat(new RelayAdmin(client).consumerLag("cg-proc", TOPIC)).as("offsets committed at stop")
                        .isZero();
            }

            RuntimeProcess admin = RuntimeProcess.start("admin", "route", TOPIC, "--namesrv", cluster.namesrvAddr());
            assertThat(admin.awaitExit(START)).isZero();
            assertThat(admin.stdout()).first().isEqualTo("topic " + TOPIC);
            assertThat(admin.stdout()).anyMatch(l -> l.contains("broker-a") && l.contains("read=4")
                    && l.contains("master=" + cluster.brokerAddr("broker-a")));
        }
    }
}
