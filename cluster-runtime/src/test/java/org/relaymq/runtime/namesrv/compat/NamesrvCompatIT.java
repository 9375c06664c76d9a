package org.relaymq.runtime.namesrv.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;
import static org.relaymq.runtime.namesrv.compat.ApacheBrokerSide.CLUSTER;
import static org.relaymq.runtime.namesrv.compat.ApacheBrokerSide.freshVersion;
import static org.relaymq.runtime.namesrv.compat.ApacheBrokerSide.topic;
import static org.relaymq.runtime.namesrv.compat.ApacheBrokerSide.topics;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.DataVersion;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.constant.PermName;
import org.apache.rocketmq.common.namesrv.RegisterBrokerResult;
import org.apache.rocketmq.common.protocol.RequestCode;
import org.apache.rocketmq.common.protocol.ResponseCode;
import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.common.protocol.body.KVTable;
import org.apache.rocketmq.common.protocol.body.RegisterBrokerBody;
import org.apache.rocketmq.common.protocol.body.TopicConfigSerializeWrapper;
import org.apache.rocketmq.common.protocol.header.namesrv.GetRouteInfoRequestHeader;
import org.apache.rocketmq.common.protocol.route.BrokerData;
import org.apache.rocketmq.common.protocol.route.QueueData;
import org.apache.rocketmq.common.protocol.route.TopicRouteData;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyRemotingClient;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.BrokerLiveInfo;
import org.relaymq.runtime.namesrv.NameServer;
import org.relaymq.runtime.namesrv.NameServerNodeConfig;
import org.relaymq.runtime.namesrv.NamesrvConfig;

/**
 * Our NameServer against the official Apache RocketMQ code: a 4.9.7 broker's {@code BrokerOuterAPI}
 * registers, queries its data version, unregisters and disconnects; the 4.9.8 admin API
 * ({@code DefaultMQAdminExt}, what mqadmin and the dashboard use) reads clusters, topics, routes and
 * KV config back. Liveness runs on the CLASSIC profile (120 s expiry), so a broker that vanishes
 * within seconds can only have gone through the disconnect path.
 */
class NamesrvCompatIT {

    static {
        // 4.9.8 clients log through slf4j (our logback) instead of files under ~/logs.
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        // What BrokerStartup and MQClientAPIImpl set: requests carry the 4.9.x version (RemotingCommand reads it once).
        System.setProperty("rocketmq.remoting.version", Integer.toString(MQVersion.CURRENT_VERSION));
    }

    private static final AtomicInteger ADMINS = new AtomicInteger();
    private static final Duration AT_ONCE = Duration.ofSeconds(5);
    private static final String BROKER = "compat-broker-a";
    private static final String TOPIC_A = "CompatTopicA";
    private static final String TOPIC_B = "CompatTopicB";
    private static final int MASTER_PORT = 10911;
    private static final int SLAVE_PORT = 10921;

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();
    private NameServer ns;

    @BeforeEach
    void startNameServer() {
        ExecutorScheduler scheduler = new ExecutorScheduler("nscompat-timer", 1);
        resources.push(scheduler);
        ns = new NameServer(NameServerNodeConfig.loopback(NamesrvConfig.fromProfile(TimingProfile.CLASSIC)),
                TimeSource.system(), scheduler);
        resources.push(ns);
        ns.start();
    }

    @AfterEach
    void closeAll() throws Exception {
        Exception first = null;
        while (!resources.isEmpty()) {
            try {
                resources.pop().close();
            } catch (Exception e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    // ---- Apache broker side → our routes ------------------------------------------------------

    @ParameterizedTest(name = "compressed={0}")
    @ValueSource(booleans = {false, true})
    void apacheRegistrationLandsInOurRoutes(boolean compressed) throws IOException {
        ApacheBrokerSide master = broker(0, MASTER_PORT);

        List<RegisterBrokerResult> results = master.register(twoTopics(freshVersion()),
                List.of("127.0.0.1:40001"), compressed);

        assertThat(results).as("one answer from our NameServer").hasSize(1);
        assertThat(results.get(0).getMasterAddr()).as("a master is told no master").isNull();
        var routeA = ns.routes().routeOf(TOPIC_A).orElseThrow();
        assertThat(routeA.queueDatas()).containsExactly(
                new org.relaymq.protocol.body.QueueData(BROKER, 8, 4, PermName.PERM_READ | PermName.PERM_WRITE, 0));
        assertThat(routeA.brokerDatas()).containsExactly(
                new org.relaymq.protocol.body.BrokerData(CLUSTER, BROKER, Map.of(0L, master.brokerAddr())));
        assertThat(routeA.filterServerTable()).isEqualTo(Map.of(master.brokerAddr(), List.of("127.0.0.1:40001")));
        // Apache's compressed body (TopicConfig.encode) carries no topicSysFlag: its own NameServer reads 0 there.
        TopicConfig asApacheDecodesB = apacheDecoded(twoTopics(freshVersion()), compressed).get(TOPIC_B);
        assertThat(asApacheDecodesB.getTopicSysFlag()).isEqualTo(compressed ? 0 : 1);
        assertThat(ns.routes().routeOf(TOPIC_B).orElseThrow().queueDatas()).containsExactly(
                new org.relaymq.protocol.body.QueueData(BROKER, 2, 2, PermName.PERM_READ,
                        asApacheDecodesB.getTopicSysFlag()));
        assertThat(ns.routes().clusterInfo().clusterAddrTable()).isEqualTo(Map.of(CLUSTER, Set.of(BROKER)));
        assertThat(ns.routes().liveBrokers()).singleElement().satisfies(live -> {
            assertThat(live.brokerAddr()).isEqualTo(master.brokerAddr());
            assertThat(live.haServerAddr()).isEqualTo(master.haServerAddr());
            assertThat(live.brokerId()).isZero();
            assertThat(live.cluster()).isEqualTo(CLUSTER);
        });
    }

    @ParameterizedTest(name = "compressed={0}")
    @ValueSource(booleans = {false, true})
    void slaveRegistrationIsToldItsMastersAddressAndHaAddress(boolean compressed) {
        ApacheBrokerSide master = broker(0, MASTER_PORT);
        ApacheBrokerSide slave = broker(1, SLAVE_PORT);
        DataVersion version = freshVersion();
        master.register(twoTopics(version), compressed);

        List<RegisterBrokerResult> results = slave.register(twoTopics(version), compressed);

        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.getMasterAddr()).isEqualTo(master.brokerAddr());
            assertThat(r.getHaServerAddr()).isEqualTo(master.haServerAddr());
        });
        assertThat(ns.routes().routeOf(TOPIC_A).orElseThrow().brokerDatas()).singleElement()
                .satisfies(b -> assertThat(b.brokerAddrs())
                        .isEqualTo(Map.of(0L, master.brokerAddr(), 1L, slave.brokerAddr())));
    }

    @Test
    void unregisterBrokerAllRemovesTheBroker() {
        ApacheBrokerSide master = broker(0, MASTER_PORT);
        assertThat(master.register(twoTopics(freshVersion()), false)).hasSize(1);

        master.unregister();

        assertThat(ns.routes().routeOf(TOPIC_A)).isEmpty();
        assertThat(ns.routes().allTopics()).doesNotContain(TOPIC_A, TOPIC_B);
        assertThat(ns.routes().clusterInfo().brokerAddrTable()).doesNotContainKey(BROKER);
        assertThat(ns.routes().clusterInfo().clusterAddrTable().getOrDefault(CLUSTER, Set.of()))
                .doesNotContain(BROKER);
        assertThat(ns.routes().liveBrokers()).isEmpty();
    }

    @Test
    void closingTheBrokerConnectionDropsTheBrokerAtOnce() {
        ApacheBrokerSide master = broker(0, MASTER_PORT);
        assertThat(master.register(twoTopics(freshVersion()), false)).hasSize(1);
        assertThat(ns.routes().liveBrokers()).hasSize(1);

        master.close();

        await().atMost(AT_ONCE).untilAsserted(() -> assertThat(ns.routes().liveBrokers()).isEmpty());
        assertThat(ns.routes().routeOf(TOPIC_A)).isEmpty();
    }

    @Test
    void queryDataVersionTellsTheBrokerWhetherToRegisterAgain() {
        ApacheBrokerSide master = broker(0, MASTER_PORT);
        DataVersion registered = freshVersion();
        master.register(twoTopics(registered), false);

        DataVersion same = new DataVersion();
        same.assignNewOne(registered);
        DataVersion next = new DataVersion();
        next.assignNewOne(registered);
        next.nextVersion();

        // Apache's needRegister lists only the NameServers that answered "changed"; it also compares our body.
        assertThat(master.needRegister(twoTopics(same))).as("unchanged").isEmpty();
        assertThat(master.needRegister(twoTopics(next))).as("changed").containsExactly(true);
        assertThat(ns.routes().liveBroker(master.brokerAddr())).get()
                .extracting(BrokerLiveInfo::lastRefreshVia).isEqualTo(BrokerLiveInfo.VIA_QUERY_DATA_VERSION);
    }

    // ---- Apache broker → us → Apache admin ---------------------------------------------------

    @Test
    void adminReadsClusterTopicsAndRoutesAnApacheBrokerRegistered() throws Exception {
        ApacheBrokerSide master = broker(0, MASTER_PORT);
        ApacheBrokerSide slave = broker(1, SLAVE_PORT);
        DataVersion version = freshVersion();
        master.register(twoTopics(version), List.of("127.0.0.1:40001"), false);
        slave.register(twoTopics(version), true);
        DefaultMQAdminExt admin = admin();

        ClusterInfo cluster = admin.examineBrokerClusterInfo();
        assertThat(cluster.getClusterAddrTable()).isEqualTo(Map.of(CLUSTER, Set.of(BROKER)));
        BrokerData clusterBroker = cluster.getBrokerAddrTable().get(BROKER);
        assertThat(clusterBroker.getCluster()).isEqualTo(CLUSTER);
        assertThat(clusterBroker.getBrokerAddrs())
                .isEqualTo(Map.of(0L, master.brokerAddr(), 1L, slave.brokerAddr()));

        assertThat(admin.fetchAllTopicList().getTopicList()).contains(TOPIC_A, TOPIC_B);
        assertThat(admin.fetchTopicsByCLuster(CLUSTER).getTopicList()).contains(TOPIC_A, TOPIC_B);

        TopicRouteData route = admin.examineTopicRouteInfo(TOPIC_A);
        assertThat(route.getQueueDatas()).singleElement().satisfies(q -> {
            assertThat(q.getBrokerName()).isEqualTo(BROKER);
            assertThat(q.getReadQueueNums()).isEqualTo(8);
            assertThat(q.getWriteQueueNums()).isEqualTo(4);
            assertThat(q.getPerm()).isEqualTo(PermName.PERM_READ | PermName.PERM_WRITE);
            assertThat(q.getTopicSysFlag()).isZero();
        });
        assertThat(route.getBrokerDatas()).singleElement().satisfies(b -> {
            assertThat(b.getBrokerName()).isEqualTo(BROKER);
            assertThat(b.getCluster()).isEqualTo(CLUSTER);
            assertThat(b.getBrokerAddrs()).isEqualTo(Map.of(0L, master.brokerAddr(), 1L, slave.brokerAddr()));
        });
        assertThat(route.getFilterServerTable())
                .isEqualTo(Map.of(master.brokerAddr(), List.of("127.0.0.1:40001")));
        assertThat(admin.examineTopicRouteInfo(TOPIC_B).getQueueDatas()).extracting(QueueData::getTopicSysFlag,
                QueueData::getPerm).containsExactly(tuple(1, PermName.PERM_READ));
        assertThat(admin.getTopicClusterList(TOPIC_A)).containsExactly(CLUSTER);
    }

    @Test
    void adminGetsTopicNotExistForAnUnknownTopic() throws Exception {
        DefaultMQAdminExt admin = admin();

        assertThatThrownBy(() -> admin.examineTopicRouteInfo("NoSuchCompatTopic"))
                .isInstanceOfSatisfying(MQClientException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST));
    }

    @ParameterizedTest(name = "acceptStandardJsonOnly={0}")
    @ValueSource(booleans = {false, true})
    void client493ReadsTheRouteStyleItIsServed(boolean standardOnly) throws Exception {
        ApacheBrokerSide master = broker(0, MASTER_PORT);
        master.register(twoTopics(freshVersion()), false);
        GetRouteInfoRequestHeader header = new GetRouteInfoRequestHeader();
        header.setTopic(TOPIC_A);
        header.setAcceptStandardJsonOnly(standardOnly ? Boolean.TRUE : null);
        RemotingCommand request = RemotingCommand.createRequestCommand(RequestCode.GET_ROUTEINFO_BY_TOPIC, header);
        request.setVersion(MQVersion.Version.V4_9_3.ordinal());
        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        resources.push(client::shutdown);
        client.start();

        RemotingCommand response = client.invokeSync(ns.address(), request, ApacheBrokerSide.TIMEOUT_MILLIS);

        assertThat(response.getCode()).isEqualTo(ResponseCode.SUCCESS);
        String json = new String(response.getBody(), StandardCharsets.UTF_8);
        assertThat(json).as("fastjson default style below 4.9.4 unless asked").contains(
                standardOnly ? "{\"0\":\"" + master.brokerAddr() : "{0:\"" + master.brokerAddr());
        TopicRouteData route = TopicRouteData.decode(response.getBody(), TopicRouteData.class);
        assertThat(route.getBrokerDatas()).singleElement()
                .satisfies(b -> assertThat(b.getBrokerAddrs()).isEqualTo(Map.of(0L, master.brokerAddr())));
        assertThat(route.getQueueDatas()).extracting(QueueData::getReadQueueNums, QueueData::getWriteQueueNums)
                .containsExactly(tuple(8, 4));
    }

    @Test
    void adminKvConfigRoundTrips() throws Exception {
        DefaultMQAdminExt admin = admin();

        admin.createAndUpdateKvConfig("compat-ns", "k1", "v1");
        admin.createAndUpdateKvConfig("compat-ns", "k2", "v2");
        admin.createAndUpdateKvConfig("compat-ns", "k1", "v1b");

        assertThat(admin.getKVConfig("compat-ns", "k1")).isEqualTo("v1b");
        assertThat(admin.getKVListByNamespace("compat-ns").getTable()).isEqualTo(Map.of("k1", "v1b", "k2", "v2"));

        admin.deleteKvConfig("compat-ns", "k1");

        assertThatThrownBy(() -> admin.getKVConfig("compat-ns", "k1"))
                .isInstanceOfSatisfying(MQClientException.class,
                        e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.QUERY_NOT_FOUND));
        assertThat(admin.getKVListByNamespace("compat-ns").getTable()).isEqualTo(Map.of("k2", "v2"));
    }

    @Test
    void orderTopicConfigSetByAdminIsHandedToTheRegisteringBroker() throws Exception {
        DefaultMQAdminExt admin = admin();
        admin.createAndUpdateKvConfig("ORDER_TOPIC_CONFIG", TOPIC_A, BROKER + ":4");
        ApacheBrokerSide master = broker(0, MASTER_PORT);

        List<RegisterBrokerResult> results = master.register(twoTopics(freshVersion()), false);

        assertThat(results).singleElement().extracting(RegisterBrokerResult::getKvTable)
                .extracting(KVTable::getTable).isEqualTo(Map.of(TOPIC_A, BROKER + ":4"));
    }

    @Test
    void adminWipesWritePermissionAndGetsTheQueueCount() throws Exception {
        ApacheBrokerSide master = broker(0, MASTER_PORT);
        master.register(topics(freshVersion(), topic(TOPIC_A, 8, 4, 6, 0), topic(TOPIC_B, 2, 2, 6, 0)), false);
        DefaultMQAdminExt admin = admin();

        int wiped = admin.wipeWritePermOfBroker(ns.address(), BROKER);

        assertThat(wiped).isEqualTo(2);
        assertThat(admin.examineTopicRouteInfo(TOPIC_A).getQueueDatas()).extracting(QueueData::getPerm)
                .containsExactly(PermName.PERM_READ);
        assertThat(ns.routes().routeOf(TOPIC_B).orElseThrow().queueDatas()).extracting(q -> q.perm())
                .containsExactly(PermName.PERM_READ);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** TOPIC_A: 8 read / 4 write queues, read+write; TOPIC_B: 2/2, read-only, unit flag set. */
    private static TopicConfigSerializeWrapper twoTopics(DataVersion version) {
        return topics(version, topic(TOPIC_A, 8, 4, PermName.PERM_READ | PermName.PERM_WRITE, 0),
                topic(TOPIC_B, 2, 2, PermName.PERM_READ, 1));
    }

    /** The topic configs as Apache's own NameServer decodes the REGISTER_BROKER body it is sent. */
    private static Map<String, TopicConfig> apacheDecoded(TopicConfigSerializeWrapper topics, boolean compressed)
            throws IOException {
        RegisterBrokerBody body = new RegisterBrokerBody();
        body.setTopicConfigSerializeWrapper(topics);
        return RegisterBrokerBody.decode(body.encode(compressed), compressed).getTopicConfigSerializeWrapper()
                .getTopicConfigTable();
    }

    private ApacheBrokerSide broker(long brokerId, int port) {
        ApacheBrokerSide side = ApacheBrokerSide.start(ns.address(), BROKER, brokerId, port);
        resources.push(side);
        return side;
    }

    private DefaultMQAdminExt admin() throws MQClientException {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(ApacheBrokerSide.TIMEOUT_MILLIS);
        admin.setNamesrvAddr(ns.address());
        admin.setInstanceName("nscompat-" + ProcessHandle.current().pid() + "-" + ADMINS.incrementAndGet());
        resources.push(admin::shutdown);
        admin.start();
        return admin;
    }
}
