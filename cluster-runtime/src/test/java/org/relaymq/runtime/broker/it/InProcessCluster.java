package org.relaymq.runtime.broker.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.relaymq.protocol.body.PermName;
import org.relaymq.runtime.broker.Broker;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.BrokerNodeConfig;
import org.relaymq.runtime.broker.messaging.MessagingConfig;
import org.relaymq.runtime.broker.store.FlushDiskType;
import org.relaymq.runtime.broker.store.MessageStoreConfig;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.net.FreePorts;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.NameServer;
import org.relaymq.runtime.namesrv.NameServerNodeConfig;
import org.relaymq.runtime.namesrv.NamesrvConfig;

/**
 * An in-process RelayMQ cluster for the broker and client ITs: N NameServers and M master brokers on loopback and
 * free ports, classroom timings, small commit-log segments and index files in temporary store
 * directories. {@link #close()} stops everything in reverse order and then checks that no thread the
 * cluster started (by name prefix) is still alive.
 */
public final class InProcessCluster implements AutoCloseable {

    static final String CLUSTER = "RelayBrokerIT";
    static final Duration WAIT = Duration.ofSeconds(20);
    /** Thread-name prefixes of everything a NameServer or broker starts (remoting-client: the broker's NS client). */
    private static final List<String> THREAD_PREFIXES = List.of("namesrv", "broker-", "remoting-client",
            "store-group-commit", "it-cluster-timer");
    private static final AtomicInteger IDS = new AtomicInteger();
    private static final AtomicInteger CLIENTS = new AtomicInteger();

    private final Path root;
    private final String id = "c" + IDS.incrementAndGet();
    private final Set<Thread> threadsBefore;
    private final ExecutorScheduler scheduler = new ExecutorScheduler("it-cluster-timer", 2);
    private final List<NameServer> nameServers = new ArrayList<>();
    private final List<Broker> brokers = new ArrayList<>();
    private String delayLevels = "1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";
    private UnaryOperator<MessageStoreConfig> storeTuning = UnaryOperator.identity();
    private boolean closed;

    public InProcessCluster(Path root) {
        this.root = root;
        this.threadsBefore = Set.copyOf(Thread.getAllStackTraces().keySet());
    }

    /** Delay levels of brokers started from now on (default: eighteen levels of 1 s). */
    InProcessCluster delayLevels(String levels) {
        this.delayLevels = levels;
        return this;
    }

    /** Extra store settings for brokers started from now on. */
    InProcessCluster storeTuning(UnaryOperator<MessageStoreConfig> tuning) {
        this.storeTuning = tuning;
        return this;
    }

    public InProcessCluster nameServers(int count) {
        for (int i = 0; i < count; i++) {
            NameServerNodeConfig cfg = NameServerNodeConfig.loopback(NamesrvConfig.fromProfile(TimingProfile.CLASSROOM));
            nameServers.add(new NameServer(cfg, TimeSource.system(), scheduler).start());
        }
        return this;
    }

    /** Starts {@code count} masters ({@code <id>-b0}, {@code <id>-b1}, …) and waits until every NameServer lists them. */
    public InProcessCluster brokers(int count) {
        for (int i = 0; i < count; i++) {
            String name = id + "-b" + brokers.size();
            brokers.add(startBroker(nodeConfig(name, FreePorts.brokerListenPort("127.0.0.1"))));
        }
        brokers.forEach(b -> awaitRoute("TBW102", b.config().broker().brokerName()));
        return this;
    }

    private BrokerNodeConfig nodeConfig(String name, int port) {
        Path dir = root.resolve(name);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BrokerConfig bc = BrokerConfig.builder(TimingProfile.CLASSROOM).brokerClusterName(CLUSTER).brokerName(name)
                .brokerIP1("127.0.0.1").listenPort(port).namesrvAddr(namesrvList()).storePathRootDir(dir)
                .flushDiskType("SYNC_FLUSH").messageDelayLevel(delayLevels)
                .flushConsumerOffsetInterval(Duration.ofMillis(500)).build();
        MessageStoreConfig sc = storeTuning.apply(MessageStoreConfig.defaults(dir)
                .withSegmentSizes(4 * 1024 * 1024, 20_000).withIndexSize(1_000, 4_000)
                .withFlush(FlushDiskType.SYNC_FLUSH, Duration.ofMillis(200), Duration.ofSeconds(5)));
        // a loaded CI machine may stall a send longer than the 200 ms send-queue limit; that refusal is
        // tested on its own (RemotingRoundTripTest), here it would only make the official client fail at random
        return new BrokerNodeConfig(bc, sc, MessagingConfig.defaults().withWaitTimeInSendQueue(Duration.ofSeconds(5)),
                "127.0.0.1");
    }

    private Broker startBroker(BrokerNodeConfig cfg) {
        return new Broker(cfg, TimeSource.system(), scheduler).start();
    }

    List<String> namesrvList() {
        return nameServers.stream().map(NameServer::address).toList();
    }

    /** {@code host:port;host:port}, as clients take it. */
    public String namesrvAddr() {
        return String.join(";", namesrvList());
    }

    List<NameServer> nameServers() {
        return Collections.unmodifiableList(nameServers);
    }

    public Broker broker(int index) {
        return brokers.get(index);
    }

    public List<Broker> brokers() {
        return Collections.unmodifiableList(brokers);
    }

    public String brokerName(int index) {
        return brokers.get(index).config().broker().brokerName();
    }

    /** Creates {@code topic} with {@code queues} read/write queues on every broker; waits for the routes. */
    public void createTopic(String topic, int queues) {
        for (int i = 0; i < brokers.size(); i++) {
            createTopicOn(i, topic, queues);
        }
    }

    /** Creates {@code topic} on broker {@code index} only; waits for the route. */
    void createTopicOn(int index, String topic, int queues) {
        brokers.get(index).core().topics().ensureTopic(topic, queues, PermName.READ_WRITE, 0);
        awaitRoute(topic, brokerName(index));
    }

    /** Settings for our own client library: loopback, short intervals, a unique instance name. */
    public ClientConfig clientConfig() {
        return ClientConfig.fromProfile(TimingProfile.CLASSROOM, namesrvAddr())
                .withPollNameServerInterval(Duration.ofMillis(500))
                .withHeartbeatBrokerInterval(Duration.ofSeconds(1))
                .withRebalanceInterval(Duration.ofSeconds(1))
                .withPersistConsumerOffsetInterval(Duration.ofSeconds(1))
                .withPullTimeDelayWhenException(Duration.ofMillis(200))
                .withClientIp("127.0.0.1")
                .withLocalOffsetDir(root.resolve("client-offsets"))
                .withInstanceName(id + "-client-" + CLIENTS.incrementAndGet());
    }

    /** Waits until every NameServer routes {@code topic} to {@code brokerName}. */
    void awaitRoute(String topic, String brokerName) {
        await().atMost(WAIT).until(() -> nameServers.stream().allMatch(ns -> ns.routes().routeOf(topic)
                .map(r -> r.brokerDatas().stream().anyMatch(bd -> bd.brokerName().equals(brokerName)))
                .orElse(false)));
    }

    /** Graceful restart of broker {@code index} on the same port and store directory. */
    Broker restartBroker(int index) {
        Broker old = brokers.get(index);
        BrokerNodeConfig cfg = old.config();
        old.close();
        Broker fresh = startBroker(cfg);
        brokers.set(index, fresh);
        awaitRoute("TBW102", cfg.broker().brokerName());
        return fresh;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (int i = brokers.size() - 1; i >= 0; i--) {
            brokers.get(i).close();
        }
        for (int i = nameServers.size() - 1; i >= 0; i--) {
            nameServers.get(i).close();
        }
        scheduler.close();
        await("threads of the cluster ended").atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(leftoverThreads()).as("threads still alive").isEmpty());
    }

    /** Live threads started since this cluster was created whose names carry one of the cluster's prefixes. */
    List<String> leftoverThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive)
                .filter(t -> !threadsBefore.contains(t))
                .map(Thread::getName)
                .filter(n -> THREAD_PREFIXES.stream().anyMatch(n::startsWith))
                .sorted()
                .collect(Collectors.toList());
    }
}
