package org.relaymq.runtime.broker.messaging;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.function.UnaryOperator;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.ConsumeType;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.SubscriptionData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.header.PullMessageRequestHeader;
import org.relaymq.protocol.header.SendMessageRequestHeader;
import org.relaymq.protocol.message.DelayLevels;
import org.relaymq.protocol.message.MessageConst;
import org.relaymq.protocol.message.MessageProperties;
import org.relaymq.protocol.wire.LanguageCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.BrokerRole;
import org.relaymq.runtime.broker.client.ClientChannel;
import org.relaymq.runtime.broker.client.ClientChannelInfo;
import org.relaymq.runtime.broker.client.ConsumerManager;
import org.relaymq.runtime.broker.handler.QueryConsumerOffsetHandler;
import org.relaymq.runtime.broker.handler.UpdateConsumerOffsetHandler;
import org.relaymq.runtime.broker.offset.ConsumerOffsetManager;
import org.relaymq.runtime.broker.offset.DelayOffsetStore;
import org.relaymq.runtime.broker.store.DefaultMessageStore;
import org.relaymq.runtime.broker.store.MessageStoreConfig;
import org.relaymq.runtime.broker.store.StoreEnvironment;
import org.relaymq.runtime.broker.subscription.SubscriptionGroupManager;
import org.relaymq.runtime.broker.topic.TopicConfigManager;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.ManualClock;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.remoting.RemotingServerConfig;
import org.relaymq.runtime.telemetry.EventSink;

/**
 * A broker's messaging part on loopback: a real store (tiny files) and broker-core managers on a manual
 * clock, the handlers registered on a real {@link NettyRemotingServer}, and a {@link NettyRemotingClient}.
 * Long-poll timeouts and the delay service follow the manual clock; the network uses real time.
 */
final class MessagingFixture implements AutoCloseable {

    static final long CALL_TIMEOUT = 5_000;

    final ManualClock clock = new ManualClock();
    final Deque<AutoCloseable> resources = new ArrayDeque<>();
    final BrokerConfig brokerConfig;
    final MessagingConfig config;
    final DefaultMessageStore store;
    final TopicConfigManager topics;
    final SubscriptionGroupManager groups;
    final ConsumerManager consumers;
    final ConsumerOffsetManager offsets;
    final DelayOffsetStore delayOffsets;
    final MessagingContext ctx;
    final MessagingServices services;
    final NettyRemotingServer server;
    final NettyRemotingClient client;
    final String addr;
    private volatile BrokerRole role = BrokerRole.ASYNC_MASTER;
    private int topicsCreated;

    MessagingFixture(Path dir) {
        this(dir, c -> c, c -> c);
    }

    MessagingFixture(Path dir, UnaryOperator<MessagingConfig> tweak, UnaryOperator<BrokerConfig.Builder> broker) {
        this(dir, tweak, broker, c -> c, e -> e);
    }

    /** {@code storeTweak} and {@code envTweak} adjust the tiny store and its clock-based environment. */
    MessagingFixture(Path dir, UnaryOperator<MessagingConfig> tweak, UnaryOperator<BrokerConfig.Builder> broker,
                     UnaryOperator<MessageStoreConfig> storeTweak, UnaryOperator<StoreEnvironment> envTweak) {
        brokerConfig = broker.apply(BrokerConfig.builder().storePathRootDir(dir).brokerIP1("127.0.0.1")
                .listenPort(0)).build();
        config = tweak.apply(MessagingConfig.defaults());
        MessageStoreConfig storeConfig = storeTweak.apply(MessageStoreConfig.defaults(dir.resolve("store"))
                .withSegmentSizes(64 * 1024, 64).withIndexSize(64, 64).withMaxMessageSize(16 * 1024));
        DelayLevels delayLevels = DelayLevels.parse(brokerConfig.messageDelayLevel());
        store = new DefaultMessageStore(storeConfig, envTweak.apply(StoreEnvironment.of(clock, clock)), delayLevels);
        store.start();
        resources.push(store);
        topics = new TopicConfigManager(brokerConfig, clock).load();
        groups = new SubscriptionGroupManager(brokerConfig.configDir(), clock,
                brokerConfig.autoCreateSubscriptionGroup()).load();
        consumers = new ConsumerManager(EventSink.discarding(), Duration.ofSeconds(120), g -> false);
        offsets = new ConsumerOffsetManager(brokerConfig.configDir()).load();
        delayOffsets = new DelayOffsetStore(brokerConfig.configDir()).load();
        ExecutorScheduler netTimer = new ExecutorScheduler("msgfix-timer", 1);
        resources.push(netTimer);
        server = new NettyRemotingServer(RemotingServerConfig.defaults().withName("msgfix-server")
                .withBindHost("127.0.0.1").withWorkerThreads(2), netTimer);
        ctx = new MessagingContext(brokerConfig, config, store, topics, groups, consumers, offsets,
                delayLevels,
                () -> new InetSocketAddress("127.0.0.1", server.port()), () -> role, clock, () -> topicsCreated++);
        services = new MessagingServices(ctx, delayOffsets, clock, EventSink.discarding(), executors());
        services.registerHandlers(server.handlers());
        server.handlers().register(RequestCode.QUERY_CONSUMER_OFFSET,
                new QueryConsumerOffsetHandler(offsets, services.queueHead()), pool("offsets"));
        server.handlers().register(RequestCode.UPDATE_CONSUMER_OFFSET, new UpdateConsumerOffsetHandler(offsets),
                pool("offset-updates"));
        resources.push(server);
        server.start();
        resources.push(services);
        services.start();
        client = new NettyRemotingClient(RemotingClientConfig.defaults().withName("msgfix-client"), netTimer,
                TimeSource.system());
        resources.push(client);
        addr = "127.0.0.1:" + server.port();
    }

    private MessagingExecutors executors() {
        return new MessagingExecutors(pool("send"), pool("pull"), pool("query"), pool("admin"), pool("delay"));
    }

    private ExecutorService pool(String name) {
        ExecutorService ex = Executors2.fixedBounded("msgfix-" + name, 2, 1000);
        resources.push(() -> Executors2.shutdownAndAwait(ex, Duration.ofSeconds(3)));
        return ex;
    }

    void role(BrokerRole newRole) {
        role = newRole;
    }

    int topicsCreatedCount() {
        return topicsCreated;
    }

    RemotingCommand call(int code, Map<String, String> ext, byte[] body) throws Exception {
        return client.invokeSync(addr, RemotingCommand.request(code, ext, body), CALL_TIMEOUT);
    }

    CompletableFuture<RemotingCommand> callAsync(int code, Map<String, String> ext) {
        return client.invokeAsync(addr, RemotingCommand.request(code, ext, null), 30_000);
    }

    static Map<String, String> props(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    static SendMessageRequestHeader sendHeader(String topic, int queueId, Map<String, String> props) {
        return new SendMessageRequestHeader("pg", topic, "TBW102", 4, queueId, 0, 1_600_000_000_000L, 0,
                MessageProperties.encode(props), 0, false, null, false, "broker-a");
    }

    RemotingCommand send(String topic, int queueId, String body, String... kv) throws Exception {
        Map<String, String> p = props(kv);
        p.putIfAbsent(MessageConst.WAIT_STORE_MSG_OK, "true");
        return call(RequestCode.SEND_MESSAGE_V2, sendHeader(topic, queueId, p).toExtV2(),
                body.getBytes(StandardCharsets.UTF_8));
    }

    static PullMessageRequestHeader pullHeader(String group, String topic, int queueId, long offset, int sysFlag,
                                               long suspendMillis, String subscription) {
        return new PullMessageRequestHeader(group, topic, queueId, offset, 32, sysFlag, 0, suspendMillis,
                subscription, 0, "TAG");
    }

    RemotingCommand pull(String group, String topic, int queueId, long offset) throws Exception {
        return call(RequestCode.PULL_MESSAGE, pullHeader(group, topic, queueId, offset,
                PullFilters.FLAG_SUBSCRIPTION, 0, "*").toExt(), null);
    }

    /** Registers a consumer of {@code group} as a HEART_BEAT would. */
    void registerConsumer(String group, MessageModel model, SubscriptionData... subs) {
        consumers.register(group, new ClientChannelInfo(new FakeChannel(group), "client-" + group,
                LanguageCode.JAVA, 409, clock.monotonicMillis()), ConsumeType.CONSUME_PASSIVELY, model,
                ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET, Set.of(subs));
    }

    @Override
    public void close() throws Exception {
        while (!resources.isEmpty()) {
            resources.pop().close();
        }
    }

    private record FakeChannel(String id) implements ClientChannel {
        @Override
        public String remoteAddress() {
            return "127.0.0.1:1";
        }

        @Override
        public boolean isActive() {
            return true;
        }

        @Override
        public void close() {
        }

        @Override
        public void sendOneway(RemotingCommand request) {
        }
    }
}
