package org.relaymq.runtime.broker.failover;

import java.nio.charset.StandardCharsets;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;

/**
 * The failover proof with the official Apache RocketMQ 4.9.8 {@link DefaultMQProducer} and
 * {@link DefaultMQPushConsumer} against our processes, with their default send retries, long polling
 * (15 s suspend) and 3 s pull back-off after an error; only the route poll, heartbeat and offset
 * persistence intervals are shortened to the classroom scale.
 */
class ApacheClientFailoverProcessIT extends FailoverScenario {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        System.setProperty("rocketmq.remoting.version", Integer.toString(MQVersion.CURRENT_VERSION));
    }

    @Override
    String clientName() {
        return "Apache 4.9.8";
    }

    @Override
    Producer producer(String namesrvAddr) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("pg-failover-apache");
        producer.setNamesrvAddr(namesrvAddr);
        producer.setInstanceName("apache-producer-" + System.nanoTime());
        producer.setPollNameServerInterval(500);
        producer.setHeartbeatBrokerInterval(1000);
        // the whole send budget (default 3 s) covers the attempt on the killed master and the retry on
        // broker-b; generous here so that only a real failure counts on a loaded 2-core CI machine. (The
        // kill itself is noticed at once: the killed broker's connections are reset, see ResetOnDeathHandler.)
        producer.setSendMsgTimeout(10_000);
        producer.start();
        return new Producer() {
            @Override
            public Sent send(String body) throws Exception {
                long t0 = System.nanoTime();
                SendResult r = producer.send(new Message(ProcessCluster.TOPIC, "T", body,
                        body.getBytes(StandardCharsets.UTF_8)));
                long done = System.nanoTime();
                return new Sent(body, r.getMessageQueue().getBrokerName(), r.getMessageQueue().getQueueId(),
                        r.getQueueOffset(), r.getSendStatus().name(), done, done - t0);
            }

            @Override
            public void close() {
                producer.shutdown();
            }
        };
    }

    @Override
    AutoCloseable consumer(String namesrvAddr) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(GROUP);
        consumer.setNamesrvAddr(namesrvAddr);
        consumer.setInstanceName("apache-consumer-" + System.nanoTime());
        consumer.setPollNameServerInterval(500);
        consumer.setHeartbeatBrokerInterval(1000);
        consumer.setPersistConsumerOffsetInterval(1000);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(ProcessCluster.TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            long now = System.nanoTime();
            msgs.forEach(m -> onMessage(new Consumed(new String(m.getBody(), StandardCharsets.UTF_8),
                    context.getMessageQueue().getBrokerName(), m.getQueueId(), m.getQueueOffset(), now)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        return consumer::shutdown;
    }
}
