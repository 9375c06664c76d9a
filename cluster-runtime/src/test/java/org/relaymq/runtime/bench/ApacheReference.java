package org.relaymq.runtime.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendCallback;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;

/**
 * The yardstick for {@code relaymq bench}: Apache RocketMQ's own NameServer and broker (4.9.7, default
 * settings, one JVM) and Apache's own client (4.9.8) measured the same way as our bench command — 16 sync
 * threads or one async thread with 1,000 sends in flight, 128-byte bodies, a warm-up, then a window. Not
 * a test: a tool run from the test class path so that both systems can be compared on the same machine at
 * the same moment (see the README's performance section for the commands).
 *
 * <pre>
 * ApacheReference cluster STORE_DIR NAMESRV_PORT BROKER_PORT   # runs until killed
 * ApacheReference produce NAMESRV TOPIC sync|async SECONDS
 * ApacheReference consume NAMESRV TOPIC SECONDS
 * </pre>
 */
public final class ApacheReference {

    private static final int THREADS = 16;
    private static final int ASYNC_IN_FLIGHT = 1_000; // as relaymq bench produce --mode async
    private static final int BODY = 128;
    private static final long WARMUP_MILLIS = 3000;

    private ApacheReference() {
    }

    public static void main(String[] args) throws Exception {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        System.setProperty("rocketmq.remoting.version", Integer.toString(MQVersion.CURRENT_VERSION));
        if (args.length == 4 && args[0].equals("cluster")) {
            cluster(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]));
        } else if (args.length == 5 && args[0].equals("produce")) {
            produce(args[1], args[2], args[3], Integer.parseInt(args[4]));
        } else if (args.length == 4 && args[0].equals("consume")) {
            consume(args[1], args[2], Integer.parseInt(args[3]));
        } else {
            System.err.println("usage: cluster STORE_DIR NAMESRV_PORT BROKER_PORT | produce NAMESRV TOPIC sync|async"
                    + " SECONDS | consume NAMESRV TOPIC SECONDS; got " + Arrays.toString(args));
            System.exit(2);
        }
    }

    private static void cluster(Path dir, int namesrvPort, int brokerPort) throws Exception {
        Files.createDirectories(dir);
        NamesrvConfig nc = new NamesrvConfig();
        nc.setKvConfigPath(dir.resolve("kvConfig.json").toString());
        nc.setConfigStorePath(dir.resolve("namesrv.properties").toString());
        NettyServerConfig ns = new NettyServerConfig();
        ns.setListenPort(namesrvPort);
        NamesrvController namesrv = new NamesrvController(nc, ns);
        if (!namesrv.initialize()) {
            throw new IllegalStateException("Apache NameServer did not initialize");
        }
        namesrv.start();
        BrokerConfig bc = new BrokerConfig();
        bc.setBrokerIP1("127.0.0.1");
        bc.setNamesrvAddr("127.0.0.1:" + namesrvPort);
        bc.setAutoCreateTopicEnable(true);
        NettyServerConfig bs = new NettyServerConfig();
        bs.setListenPort(brokerPort);
        MessageStoreConfig sc = new MessageStoreConfig();
        sc.setStorePathRootDir(dir.resolve("store").toString());
        sc.setStorePathCommitLog(dir.resolve("store").resolve("commitlog").toString());
        sc.setHaListenPort(brokerPort + 1);
        BrokerController broker = new BrokerController(bc, bs, new NettyClientConfig(), sc);
        if (!broker.initialize()) {
            throw new IllegalStateException("Apache broker did not initialize");
        }
        broker.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.shutdown();
            namesrv.shutdown();
            stopped.countDown();
        }));
        System.out.println("READY apache-cluster namesrv 127.0.0.1:" + namesrvPort + " broker 127.0.0.1:" + brokerPort);
        stopped.await();
    }

    private static void produce(String namesrv, String topic, String mode, int seconds) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("apache_reference_pg");
        producer.setNamesrvAddr(namesrv);
        producer.start();
        byte[] body = new byte[BODY];
        Arrays.fill(body, (byte) 'x');
        AtomicLong ok = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean stop = new AtomicBoolean();
        Semaphore inFlight = new Semaphore(ASYNC_IN_FLIGHT);
        boolean async = mode.equals("async");
        Thread[] threads = new Thread[async ? 1 : THREADS];
        for (int i = 0; i < threads.length; i++) {
            threads[i] = new Thread(() -> {
                while (!stop.get()) {
                    Message m = new Message(topic, "T", body);
                    try {
                        if (async) {
                            inFlight.acquire();
                            producer.send(m, new SendCallback() {
                                @Override
                                public void onSuccess(SendResult r) {
                                    inFlight.release();
                                    count(measuring, ok);
                                }

                                @Override
                                public void onException(Throwable e) {
                                    inFlight.release();
                                    count(measuring, failed);
                                }
                            });
                        } else {
                            producer.send(m);
                            count(measuring, ok);
                        }
                    } catch (InterruptedException e) {
                        return;
                    } catch (Exception e) {
                        count(measuring, failed);
                    }
                }
            }, "apache-reference-sender-" + i);
            threads[i].start();
        }
        Thread.sleep(WARMUP_MILLIS); // a benchmark's windows (this is a tool, not a test waiting for a timer)
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        measuring.set(false);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        stop.set(true);
        for (Thread t : threads) {
            t.join(10_000);
        }
        System.out.printf("apache produce %s threads=%d size=%dB: %,.0f msg/s (%d sent, %d failed in %.1f s)%n",
                mode.toUpperCase(), threads.length, BODY, ok.get() / elapsed, ok.get(), failed.get(), elapsed);
        producer.shutdown();
    }

    private static void count(AtomicBoolean measuring, AtomicLong counter) {
        if (measuring.get()) {
            counter.incrementAndGet();
        }
    }

    private static void consume(String namesrv, String topic, int seconds) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("apache_reference_cg_" + System.nanoTime());
        consumer.setNamesrvAddr(namesrv);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        AtomicLong consumed = new AtomicLong();
        AtomicLong last = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, context) -> {
            if (measuring.get()) {
                consumed.addAndGet(msgs.size());
                last.set(System.nanoTime());
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        Thread.sleep(2000); // a benchmark's windows (this is a tool, not a test waiting for a timer)
        measuring.set(true);
        long t0 = System.nanoTime();
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        long end = System.nanoTime();
        measuring.set(false);
        boolean exhausted = end - last.get() > TimeUnit.MILLISECONDS.toNanos(500);
        double elapsed = ((exhausted ? last.get() : end) - t0) / 1e9;
        System.out.printf("apache consume: %,.0f msg/s (%d in %.1f s)%s%n", consumed.get() / elapsed, consumed.get(),
                elapsed, exhausted ? "; the backlog ran out" : "");
        consumer.shutdown();
    }
}
