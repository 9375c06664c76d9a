package org.relaymq.runtime.broker;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.protocol.message.DelayLevels;
import org.relaymq.runtime.broker.ha.HaConfig;
import org.relaymq.runtime.broker.ha.HaService;
import org.relaymq.runtime.broker.ha.ReplicaOutcome;
import org.relaymq.runtime.broker.ha.SlaveMetadataSync;
import org.relaymq.runtime.broker.messaging.MessagingContext;
import org.relaymq.runtime.broker.messaging.ReplicationWait;
import org.relaymq.runtime.broker.messaging.MessagingExecutors;
import org.relaymq.runtime.broker.messaging.MessagingServices;
import org.relaymq.runtime.broker.registration.BrokerIdentity;
import org.relaymq.runtime.broker.store.DefaultMessageStore;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.broker.store.StoreEnvironment;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.ChannelEventListener;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.remoting.RemoteChannel;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.remoting.RemotingServerConfig;
import org.relaymq.runtime.telemetry.EventBus;
import org.relaymq.runtime.telemetry.EventStreamService;
import org.relaymq.runtime.telemetry.GetFaultsHandler;
import org.relaymq.runtime.telemetry.GetNodeInfoHandler;
import org.relaymq.runtime.telemetry.NodeInfo;
import org.relaymq.runtime.telemetry.SetFaultsHandler;
import org.relaymq.runtime.telemetry.SubscribeEventsHandler;
import org.relaymq.runtime.telemetry.UnsubscribeEventsHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One broker: the composition root wiring the message store, the broker core (topics, offsets,
 * groups, clients, NameServer registration), the store-backed messaging handlers and the event
 * stream onto one remoting server listening on {@code listenPort} and {@code listenPort - 2}.
 * Shares nothing with other brokers, so several run in one JVM. The caller owns the scheduler.
 */
public final class Broker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);
    private static final Duration EVENT_DRAIN_INTERVAL = Duration.ofMillis(50);

    private final BrokerNodeConfig config;
    private final TimeSource time;
    private final Scheduler scheduler;
    private final ExecutorScheduler storeScheduler;
    private final EventBus events;
    private final BrokerChannelEvents channelEvents = new BrokerChannelEvents();
    /** One per broker: its NameServer client, its master client and its HA link to the master share it. */
    private final NetworkFaultTable faults = new NetworkFaultTable(
            "connections this node opened (to NameServers, and a slave's to its master)");
    private final NettyRemotingServer server;
    private final NettyRemotingClient namesrvClient;
    private final NettyRemotingClient masterClient;
    private final HaService ha;
    private final MessageStore store;
    private final BrokerCore core;
    private final MessagingExecutors messagingPools;
    private final MessagingServices messaging;
    private final NodeInfo nodeInfo;
    private EventStreamService streams;
    private boolean started;
    private boolean closed;

    public Broker(BrokerNodeConfig config, TimeSource time, Scheduler scheduler) {
        this.config = config;
        this.time = time;
        this.scheduler = scheduler;
        BrokerConfig b = config.broker();
        String address = b.brokerIP1() + ":" + b.listenPort();
        this.events = new EventBus(NodeEvent.nodeName("broker", address), time);
        this.server = new NettyRemotingServer(RemotingServerConfig.defaults().withName("broker-" + b.brokerName())
                .withBindHost(config.bindHost()).withPort(b.listenPort())
                .withAdditionalPorts(List.of(b.listenPort() - 2)), scheduler, channelEvents);
        this.namesrvClient = new NettyRemotingClient(RemotingClientConfig.defaults(), scheduler, time, faults);
        this.storeScheduler = new ExecutorScheduler("broker-" + b.brokerName() + "-store", 2);
        DelayLevels delayLevels = DelayLevels.parse(b.messageDelayLevel());
        this.store = new DefaultMessageStore(config.store(), StoreEnvironment.of(time, storeScheduler), delayLevels);
        this.core = new BrokerCore(b, server, channelEvents, namesrvClient, events, scheduler, time);
        String prefix = "broker-" + b.brokerName();
        this.messagingPools = new MessagingExecutors(Executors2.fixedBounded(prefix + "-send", 4, 10_000),
                Executors2.fixedBounded(prefix + "-pull", 8, 100_000),
                Executors2.fixedBounded(prefix + "-query", 4, 20_000),
                Executors2.fixedBounded(prefix + "-stats", 2, 1_000),
                Executors2.fixedBounded(prefix + "-delay", 1, 10_000));
        InetSocketAddress storeHost = new InetSocketAddress(b.brokerIP1(), b.listenPort());
        MessagingContext ctx = new MessagingContext(b, config.messaging(), store, core.topics(),
                core.subscriptionGroups(), core.consumers(), core.consumerOffsets(),
                delayLevels, () -> storeHost, b::brokerRole, time,
                () -> { }); // the core re-registers on every topic change through its topic listener
        this.messaging = new MessagingServices(ctx, core.delayOffsets(), scheduler, events, messagingPools);
        messaging.registerHandlers(server.handlers());
        core.queueHeadProbe(messaging.queueHead());
        HaConfig haConfig = HaConfig.forBroker(b).withBindHost(config.bindHost());
        this.ha = new HaService(haConfig, b.brokerRole(), store, () -> core.registrar().haMasterAddress(), events,
                scheduler, time, faults);
        this.masterClient = new NettyRemotingClient(RemotingClientConfig.defaults().withName("broker-"
                + b.brokerName() + "-master-sync"), scheduler, time, faults);
        ha.attachMetadataSync(new SlaveMetadataSync(haConfig, masterClient, () -> core.registrar().masterAddress(),
                new SlaveMetadataSync.Targets(core.topics(), core.consumerOffsets(), core.delayOffsets(),
                        core.subscriptionGroups()), scheduler, core.executors().admin()));
        messaging.replicationWait((result, waitStoreMsgOk) -> ha.gate().await(ha.role(), result, waitStoreMsgOk)
                .thenApply(Broker::verdictOf));
        this.nodeInfo = new NodeInfo("broker", time).address(address).profile(b.profileName())
                .interval("register", b.registerNameServerPeriod())
                .interval("clientExpiry", b.clientChannelExpiry());
        server.handlers().register(RequestCode.GET_NODE_INFO, new GetNodeInfoHandler(nodeInfo),
                core.executors().admin());
        server.handlers().register(RequestCode.SET_FAULTS, new SetFaultsHandler(faults, events),
                core.executors().admin());
        server.handlers().register(RequestCode.GET_FAULTS, new GetFaultsHandler(faults), core.executors().admin());
    }

    /** Recovers the store, binds the ports, starts the services, registers with every NameServer. */
    public synchronized Broker start() {
        if (started) {
            return this;
        }
        store.start();
        try {
            ha.start();
            server.start();
        } catch (RuntimeException e) {
            closeQuietly();
            throw e;
        }
        streams = new EventStreamService(events, server, scheduler,
                () -> BrokerSnapshot.of(config.broker(), address(), events, store, core), EVENT_DRAIN_INTERVAL);
        server.handlers().register(RequestCode.SUBSCRIBE_EVENTS, new SubscribeEventsHandler(streams),
                core.executors().admin());
        server.handlers().register(RequestCode.UNSUBSCRIBE_EVENTS, new UnsubscribeEventsHandler(streams),
                core.executors().admin());
        EventStreamService eventStreams = streams;
        channelEvents.add(new ChannelEventListener() {
            @Override
            public void onClosed(RemoteChannel channel) {
                eventStreams.onChannelClosed(channel);
            }
        });
        messaging.start();
        int port = config.broker().listenPort();
        awaitFirstRegistration(core.start(BrokerIdentity.of(config.broker(), port, ha.haPort())));
        started = true;
        LOG.info("broker {} ({}) serving on {} (and {}), replication on {}, store {}", config.broker().brokerName(),
                config.broker().brokerRole(), address(), port - 2, ha.haPort(), config.store().storePathRootDir());
        return this;
    }

    /**
     * READY means registered: waits for the first round (each NameServer answered or timed out, so a
     * NameServer that is down delays start by at most the registration timeout, never forever).
     */
    private void awaitFirstRegistration(CompletableFuture<?> firstRound) {
        long bound = config.broker().registerBrokerTimeout().toMillis() + 1000;
        try {
            firstRound.get(bound, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("first registration round did not complete: {}", e.toString());
        }
    }

    /** SYNC_MASTER outcomes that change a stored message's answer to 11 or 12 (protocol.md §9.1). */
    private static ReplicationWait.Verdict verdictOf(ReplicaOutcome outcome) {
        return switch (outcome) {
            case SLAVE_NOT_AVAILABLE, FLUSH_SLAVE_TIMEOUT ->
                    new ReplicationWait.Verdict(outcome.responseCode(ResponseCode.SUCCESS), outcome.remark());
            case NOT_REQUIRED, ACKNOWLEDGED -> ReplicationWait.Verdict.AS_STORED;
        };
    }

    /** "host:port" clients and NameServers reach this broker at. */
    public String address() {
        return config.broker().brokerIP1() + ":" + config.broker().listenPort();
    }

    public BrokerNodeConfig config() {
        return config;
    }

    public MessageStore store() {
        return store;
    }

    public BrokerCore core() {
        return core;
    }

    public EventBus events() {
        return events;
    }

    public HaService ha() {
        return ha;
    }

    /** The fault rules on the connections this broker opened (SET_FAULTS / GET_FAULTS). */
    public NetworkFaultTable faults() {
        return faults;
    }

    /**
     * Graceful stop: unregister from every NameServer, stop the services, close connections, flush and
     * close the store. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly();
        LOG.info("broker {} stopped", config.broker().brokerName());
    }

    private void closeQuietly() {
        core.close();
        messaging.close();
        if (streams != null) {
            streams.close();
        }
        server.close();
        ha.close();
        masterClient.close();
        Duration grace = Duration.ofSeconds(3);
        Executors2.shutdownAndAwait(messagingPools.send(), grace);
        Executors2.shutdownAndAwait(messagingPools.pull(), grace);
        Executors2.shutdownAndAwait(messagingPools.query(), grace);
        Executors2.shutdownAndAwait(messagingPools.admin(), grace);
        Executors2.shutdownAndAwait(messagingPools.delay(), grace);
        namesrvClient.close();
        store.close();
        storeScheduler.close();
        events.close();
    }
}
