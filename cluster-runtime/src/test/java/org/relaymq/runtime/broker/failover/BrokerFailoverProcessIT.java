package org.relaymq.runtime.broker.failover;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;
import org.relaymq.runtime.client.producer.RelayProducer;

/**
 * The failover proof with our client: {@link RelayProducer} and {@link RelayPushConsumer}. The consumer's
 * PULL_SOURCE events show the pulls moving to the slave and back to the restarted master.
 */
class BrokerFailoverProcessIT extends FailoverScenario {

    private List<NodeEvent> consumerEvents;

    @Override
    String clientName() {
        return "RelayMQ";
    }

    @Override
    Producer producer(String namesrvAddr) {
        // a send budget that a loaded 2-core CI machine cannot exhaust during the kill (default 3 s)
        RelayProducer producer = new RelayProducer("pg-failover", FailoverKit.clientConfig(namesrvAddr))
                .sendMsgTimeout(java.time.Duration.ofSeconds(10)).start();
        return new Producer() {
            @Override
            public Sent send(String body) throws Exception {
                long t0 = System.nanoTime();
                SendResult r = producer.send(new Message(ProcessCluster.TOPIC, "T", body,
                        body.getBytes(StandardCharsets.UTF_8)));
                long done = System.nanoTime();
                return new Sent(body, r.queue().brokerName(), r.queue().queueId(), r.queueOffset(), r.status().name(),
                        done, done - t0);
            }

            @Override
            public void close() {
                producer.close();
            }
        };
    }

    @Override
    AutoCloseable consumer(String namesrvAddr) {
        RelayPushConsumer consumer = new RelayPushConsumer(GROUP, FailoverKit.clientConfig(namesrvAddr))
                .subscribe(ProcessCluster.TOPIC, "*").consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET)
                .registerMessageListener((msgs, mq) -> {
                    long now = System.nanoTime();
                    msgs.forEach(m -> onMessage(new Consumed(new String(m.body(), StandardCharsets.UTF_8),
                            m.brokerName(), m.queueId(), m.queueOffset(), now)));
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
        consumerEvents = FailoverKit.record(consumer.client());
        return consumer.start();
    }

    @Override
    void afterMasterReturned(ProcessCluster cluster) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Map<String, List<String>> sources = consumerEvents.stream()
                    .filter(e -> e.kind().equals(EventKind.PULL_SOURCE)
                            && e.data().get("queue").toString().contains("\"topic\":\"" + ProcessCluster.TOPIC)
                            && e.data().get("queue").toString().contains("broker-a"))
                    .collect(Collectors.groupingBy(e -> e.data().get("queue").toString(), TreeMap::new,
                            Collectors.mapping(e -> e.data().get("addr").getAsString(), Collectors.toList())));
            assertThat(sources).as("where each of broker-a's queues was pulled from, in order").hasSize(2)
                    .allSatisfy((queue, addrs) -> assertThat(addrs).contains(cluster.slaveAddr()).last()
                            .isEqualTo(cluster.masterAddr()));
        });
    }
}
