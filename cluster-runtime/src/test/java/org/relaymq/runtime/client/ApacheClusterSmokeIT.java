package org.relaymq.runtime.client;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ApacheClusterSmokeIT {
    @TempDir Path dir;

    @Test
    void apacheProducerSendsThroughTheHarness() throws Exception {
        try (ApacheCluster c = new ApacheCluster(dir).nameServers(1).broker("broker-a")) {
            DefaultMQProducer p = new DefaultMQProducer("smoke");
            p.setNamesrvAddr(c.namesrvAddr());
            p.setInstanceName("smoke-" + System.nanoTime());
            p.start();
            try {
                await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() ->
                        p.send(new Message("SmokeTopic", "hello".getBytes())).getSendStatus() != null);
                System.out.println("SMOKE " + p.send(new Message("SmokeTopic", "x".getBytes())));
            } finally {
                p.shutdown();
            }
        }
    }
}
