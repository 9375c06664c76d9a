package org.relaymq.runtime.broker.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.rocketmq.client.ClientConfig;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;

/**
 * Official Apache RocketMQ 4.9.8 clients for the ITs: unique instance names, short route/heartbeat/offset
 * intervals, and one place that shuts every client down (reverse order of creation).
 */
final class ApacheClients implements AutoCloseable {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final String namesrvAddr;
    private final List<Runnable> shutdowns = new ArrayList<>();

    ApacheClients(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    private <T extends ClientConfig> T configure(T c) {
        c.setNamesrvAddr(namesrvAddr);
        c.setInstanceName("relay-it-" + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
        c.setPollNameServerInterval(1_000);
        c.setHeartbeatBrokerInterval(1_000);
        c.setPersistConsumerOffsetInterval(1_000);
        return c;
    }

    /** A started producer; {@code vip} sends through the broker's listenPort − 2. */
    DefaultMQProducer producer(String group, boolean vip) throws MQClientException {
        DefaultMQProducer p = configure(new DefaultMQProducer(group));
        p.setVipChannelEnabled(vip);
        p.setSendMsgTimeout(5_000);
        p.start();
        shutdowns.add(p::shutdown);
        return p;
    }

    /** A push consumer, configured but not started (the caller subscribes and registers its listener). */
    DefaultMQPushConsumer pushConsumer(String group) {
        DefaultMQPushConsumer c = configure(new DefaultMQPushConsumer(group));
        c.setVipChannelEnabled(false);
        shutdowns.add(c::shutdown);
        return c;
    }

    DefaultLitePullConsumer litePullConsumer(String group) {
        DefaultLitePullConsumer c = configure(new DefaultLitePullConsumer(group));
        c.setVipChannelEnabled(false);
        shutdowns.add(c::shutdown);
        return c;
    }

    DefaultMQAdminExt admin() throws MQClientException {
        DefaultMQAdminExt a = configure(new DefaultMQAdminExt(5_000));
        a.setVipChannelEnabled(false);
        a.start();
        shutdowns.add(a::shutdown);
        return a;
    }

    /** The queues of {@code topic} the push consumer currently owns (its rebalance result). */
    static Set<MessageQueue> owned(DefaultMQPushConsumer c, String topic) {
        return c.getDefaultMQPushConsumerImpl().getRebalanceImpl().getProcessQueueTable().keySet().stream()
                .filter(mq -> mq.getTopic().equals(topic)).collect(Collectors.toSet());
    }

    @Override
    public void close() {
        for (int i = shutdowns.size() - 1; i >= 0; i--) {
            try {
                shutdowns.get(i).run();
            } catch (RuntimeException e) {
                // a client that never started cannot be shut down; nothing to release
            }
        }
        shutdowns.clear();
    }
}
