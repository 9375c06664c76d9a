package org.relaymq.runtime.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.runtime.broker.it.InProcessCluster;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.api.SendStatus;
import org.relaymq.runtime.client.producer.RelayProducer;

/** Many asynchronous sends from one thread against an in-process cluster of one NameServer and two brokers. */
class AsyncSendIT {

    private static final int COUNT = 20_000;
    private static final String TOPIC = "AsyncMany";

    @Test
    void twentyThousandAsyncSendsFromOneThreadAllLandOnce(@TempDir Path dir) throws Exception {
        try (InProcessCluster cluster = new InProcessCluster(dir).nameServers(1).brokers(2)) {
            cluster.createTopic(TOPIC, 4);
            List<CompletableFuture<SendResult>> futures = new ArrayList<>(COUNT);
            // a generous budget: on a loaded CI machine a timed-out send that was stored anyway would be sent twice
            try (RelayProducer producer = new RelayProducer("pg-async-many", cluster.clientConfig())
                    .sendMsgTimeout(Duration.ofSeconds(30)).start()) {
                for (int i = 0; i < COUNT; i++) {
                    futures.add(producer.sendAsync(new Message(TOPIC, "async-" + i, "k" + i,
                            ("async-" + i).getBytes(StandardCharsets.UTF_8))));
                }
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
            }

            Map<MessageQueue, Set<Long>> offsets = new HashMap<>();
            Set<String> msgIds = new HashSet<>();
            for (CompletableFuture<SendResult> f : futures) {
                SendResult r = f.join();
                assertThat(r.status()).isEqualTo(SendStatus.SEND_OK);
                assertThat(offsets.computeIfAbsent(r.queue(), q -> new HashSet<>()).add(r.queueOffset()))
                        .as("offset %d of %s given twice", r.queueOffset(), r.queue()).isTrue();
                msgIds.add(r.msgId());
            }
            assertThat(msgIds).hasSize(COUNT);
            assertThat(offsets.keySet().stream().map(MessageQueue::brokerName).distinct()).hasSize(2);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                long total = 0;
                for (int b = 0; b < 2; b++) {
                    for (int q = 0; q < 4; q++) {
                        long max = cluster.broker(b).store().maxOffsetInQueue(TOPIC, q);
                        Set<Long> sent = offsets.getOrDefault(new MessageQueue(cluster.brokerName(b), q, TOPIC),
                                Set.of());
                        assertThat(max).as("max offset of %s:%d", cluster.brokerName(b), q).isEqualTo(sent.size());
                        total += max;
                    }
                }
                assertThat(total).isEqualTo(COUNT);
            });
        }
    }
}
