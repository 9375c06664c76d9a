package org.relaymq.runtime.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.NameServer;
import org.relaymq.runtime.namesrv.NameServerNodeConfig;
import org.relaymq.runtime.namesrv.NamesrvConfig;

/**
 * An in-process test cluster of Apache RocketMQ 4.9.7 brokers (their own {@link BrokerController}) on
 * free loopback ports with small temporary stores, registered with our NameServers or with Apache's own
 * ({@link NamesrvController}). Needs the JDK 17 {@code --add-opens} flags of the root pom.
 */
final class ApacheCluster implements AutoCloseable {

    static final String CLUSTER = "RelayIT";

    private final Path root;
    private final ExecutorScheduler scheduler = new ExecutorScheduler("it-namesrv-timer", 2);
    private final List<NameServer> nameServers = new ArrayList<>();
    private final List<NamesrvController> apacheNameServers = new ArrayList<>();
    private final Map<String, BrokerController> brokers = new LinkedHashMap<>();

    private boolean coldStore;

    ApacheCluster(Path root) {
        this.root = root;
    }

    /**
     * Brokers started after this call treat every message but the newest as "on disk"
     * ({@code accessMessageInMemoryMaxRatio=0}), so a new group gets 22 from QUERY_CONSUMER_OFFSET as on a
     * long-lived topic, and its consumeFromWhere applies (on a young, hot queue Apache answers 0 instead).
     */
    ApacheCluster coldStore() {
        this.coldStore = true;
        return this;
    }

    ApacheCluster nameServers(int count) {
        for (int i = 0; i < count; i++) {
            NameServerNodeConfig base = NameServerNodeConfig.loopback(NamesrvConfig.fromProfile(TimingProfile.CLASSIC));
            NameServerNodeConfig cfg = new NameServerNodeConfig(base.bindHost(), 0, base.liveness(), null, 2);
            nameServers.add(new NameServer(cfg, TimeSource.system(), scheduler).start());
        }
        return this;
    }

    /** Apache RocketMQ 4.9.7's own NameServers (in process, loopback, KV config under the store root). */
    ApacheCluster apacheNameServers(int count) throws Exception {
        for (int i = 0; i < count; i++) {
            org.apache.rocketmq.common.namesrv.NamesrvConfig config = new org.apache.rocketmq.common.namesrv.NamesrvConfig();
            Path dir = Files.createDirectories(root.resolve("apache-namesrv-" + i));
            config.setKvConfigPath(dir.resolve("kvConfig.json").toString());
            config.setConfigStorePath(dir.resolve("namesrv.properties").toString());
            NettyServerConfig server = new NettyServerConfig();
            server.setListenPort(freeBrokerPort());
            server.setServerWorkerThreads(2);
            server.setServerSelectorThreads(1);
            NamesrvController controller = new NamesrvController(config, server);
            if (!controller.initialize()) {
                throw new IllegalStateException("Apache NameServer did not initialize");
            }
            controller.start();
            apacheNameServers.add(controller);
        }
        return this;
    }

    String namesrvAddr() {
        return String.join(";", namesrvList());
    }

    List<String> namesrvList() {
        List<String> all = new ArrayList<>(nameServers.stream().map(NameServer::address).toList());
        apacheNameServers.forEach(c -> all.add("127.0.0.1:" + c.getNettyServerConfig().getListenPort()));
        return all;
    }

    void stopNameServers() {
        nameServers.forEach(NameServer::close);
        apacheNameServers.forEach(NamesrvController::shutdown);
    }

    /** Every NameServer (ours and Apache's) routes TBW102 to {@code addr} under {@code brokerId}. */
    private boolean registeredEverywhere(String addr, long brokerId) {
        boolean ours = nameServers.stream().allMatch(ns -> ns.routes().routeOf("TBW102").map(r -> r.brokerDatas()
                .stream().anyMatch(b -> addr.equals(b.brokerAddrs().get(brokerId)))).orElse(false));
        boolean apache = apacheNameServers.stream().allMatch(c -> {
            org.apache.rocketmq.common.protocol.route.TopicRouteData r =
                    c.getRouteInfoManager().pickupTopicRouteData("TBW102");
            return r != null && r.getBrokerDatas().stream().anyMatch(b -> addr.equals(b.getBrokerAddrs().get(brokerId)));
        });
        return ours && apache;
    }

    ApacheCluster broker(String name) throws Exception {
        return broker(name, name, 0);
    }

    /** An ASYNC_MASTER's slave (id 1), replicating from the master's HA port; registered as {@code name + "-s"}. */
    ApacheCluster slave(String name) throws Exception {
        return broker(name + "-s", name, 1);
    }

    private ApacheCluster broker(String key, String name, long brokerId) throws Exception {
        // what Apache's BrokerStartup does: without it the broker's requests carry version 0 and a
        // NameServer reads its registration body as the pre-3.0.11 bare topic wrapper (no topics)
        System.setProperty("rocketmq.remoting.version", "407");
        int port = freeBrokerPort();
        BrokerConfig bc = new BrokerConfig();
        bc.setBrokerName(name);
        bc.setBrokerClusterName(CLUSTER);
        bc.setBrokerId(brokerId);
        bc.setBrokerIP1("127.0.0.1");
        bc.setBrokerIP2("127.0.0.1");
        bc.setNamesrvAddr(namesrvAddr());
        bc.setAutoCreateTopicEnable(true);
        bc.setAutoCreateSubscriptionGroup(true);
        bc.setFetchNamesrvAddrByAddressServer(false);
        bc.setTraceTopicEnable(false);
        bc.setRegisterNameServerPeriod(10_000);
        NettyServerConfig server = new NettyServerConfig();
        server.setListenPort(port);
        server.setServerWorkerThreads(4);
        server.setServerSelectorThreads(1);
        server.setServerCallbackExecutorThreads(2);
        MessageStoreConfig store = storeConfig(key, port);
        if (brokerId != 0) {
            store.setBrokerRole(org.apache.rocketmq.store.config.BrokerRole.SLAVE);
            store.setHaMasterAddress("127.0.0.1:" + (brokers.get(name).getNettyServerConfig().getListenPort() + 1));
        }
        BrokerController controller = new BrokerController(bc, server, new NettyClientConfig(), store);
        if (!controller.initialize()) {
            throw new IllegalStateException("Apache broker " + name + " did not initialize");
        }
        controller.start();
        brokers.put(key, controller);
        String addr = brokerAddr(key);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(20))
                .until(() -> registeredEverywhere(addr, brokerId));
        return this;
    }

    private MessageStoreConfig storeConfig(String name, int port) throws IOException {
        Path dir = Files.createDirectories(root.resolve(name));
        MessageStoreConfig sc = new MessageStoreConfig();
        sc.setStorePathRootDir(dir.toString());
        sc.setStorePathCommitLog(dir.resolve("commitlog").toString());
        sc.setHaListenPort(port + 1);
        sc.setMappedFileSizeCommitLog(8 * 1024 * 1024);
        sc.setMappedFileSizeConsumeQueue(20 * 20_000);
        sc.setMaxHashSlotNum(10_000);
        sc.setMaxIndexNum(40_000);
        sc.setDiskMaxUsedSpaceRatio(95);
        if (coldStore) {
            sc.setAccessMessageInMemoryMaxRatio(0);
        }
        return sc;
    }

    String brokerAddr(String name) {
        return "127.0.0.1:" + brokers.get(name).getNettyServerConfig().getListenPort();
    }

    /** The Apache broker itself (a slave is {@code name + "-s"}), for inspecting its state in tests. */
    BrokerController controller(String key) {
        return brokers.get(key);
    }

    /** Shuts the broker down (it unregisters from the NameServers and closes its connections). */
    void stopBroker(String name) {
        BrokerController b = brokers.remove(name);
        if (b != null) {
            b.shutdown();
        }
    }

    @Override
    public void close() {
        new ArrayList<>(brokers.keySet()).forEach(this::stopBroker);
        stopNameServers();
        scheduler.close();
    }

    /** A port p with p-2 (Apache's VIP channel) and p+1 (HA) free as well. */
    private static int freeBrokerPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int p;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                p = s.getLocalPort();
            }
            if (p > 3000 && free(p - 2) && free(p + 1)) {
                return p;
            }
        }
        throw new IOException("no free port triple found");
    }

    private static boolean free(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("0.0.0.0", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
