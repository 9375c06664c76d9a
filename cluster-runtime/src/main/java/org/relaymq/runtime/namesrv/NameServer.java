package org.relaymq.runtime.namesrv;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.concurrent.ThreadPoolExecutor;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.net.HostAddresses;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.handler.AddWritePermHandler;
import org.relaymq.runtime.namesrv.handler.DeleteKvConfigHandler;
import org.relaymq.runtime.namesrv.handler.DeleteTopicInNamesrvHandler;
import org.relaymq.runtime.namesrv.handler.GetAllTopicListHandler;
import org.relaymq.runtime.namesrv.handler.GetBrokerClusterInfoHandler;
import org.relaymq.runtime.namesrv.handler.GetKvConfigHandler;
import org.relaymq.runtime.namesrv.handler.GetKvListByNamespaceHandler;
import org.relaymq.runtime.namesrv.handler.GetRouteInfoHandler;
import org.relaymq.runtime.namesrv.handler.GetTopicsByClusterHandler;
import org.relaymq.runtime.namesrv.handler.PutKvConfigHandler;
import org.relaymq.runtime.namesrv.handler.QueryDataVersionHandler;
import org.relaymq.runtime.namesrv.handler.RegisterBrokerHandler;
import org.relaymq.runtime.namesrv.handler.UnregisterBrokerHandler;
import org.relaymq.runtime.namesrv.handler.WipeWritePermHandler;
import org.relaymq.runtime.remoting.ChannelEventListener;
import org.relaymq.runtime.remoting.HandlerTable;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.remoting.RemoteChannel;
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
 * One NameServer: the composition root that wires route state, liveness, events and the request
 * handlers onto a remoting server. Shares nothing with other NameServers, so any number run in
 * one JVM. Time and scheduling are injected; the caller owns (and closes) the scheduler.
 */
public final class NameServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NameServer.class);
    private static final Duration EVENT_DRAIN_INTERVAL = Duration.ofMillis(50);
    /** What SET_FAULTS on a NameServer acts on, said honestly: it opens no connections, so nothing. */
    static final String FAULTS_APPLY_TO = "nothing: a NameServer opens no connections (fault rules act on the "
            + "connections a node opened; set them on the broker or client instead)";

    private final NameServerNodeConfig config;
    private final TimeSource time;
    private final Scheduler scheduler;
    private final EventBus events;
    private final RouteState routes;
    private final KvConfigStore kv;
    private final LivenessScanner scanner;
    private final RouteServedAggregator routeServed;
    private final NodeInfo nodeInfo;
    private final NetworkFaultTable faults = new NetworkFaultTable(FAULTS_APPLY_TO);
    private final ThreadPoolExecutor handlerPool;
    private final NettyRemotingServer server;
    private EventStreamService streams;
    private boolean started;
    private boolean closed;

    public NameServer(NameServerNodeConfig config, TimeSource time, Scheduler scheduler) {
        this.config = config;
        this.time = time;
        this.scheduler = scheduler;
        this.events = new EventBus("namesrv@" + config.bindHost() + ":" + config.port(), time);
        this.routes = new RouteState(config.liveness(), events);
        this.kv = new KvConfigStore(new KvConfigState(), config.kvConfigPath());
        this.scanner = new LivenessScanner(routes, time, scheduler);
        this.routeServed = new RouteServedAggregator(events, config.liveness().routeServedFlush());
        this.nodeInfo = new NodeInfo("namesrv", time).profile(config.liveness().profileName())
                .interval("scan", config.liveness().scanInterval())
                .interval("brokerExpiry", config.liveness().brokerExpiry());
        this.handlerPool = Executors2.fixedBounded("namesrv-handler", config.handlerThreads(), 10_000);
        RemotingServerConfig serverConfig = RemotingServerConfig.defaults().withName("namesrv")
                .withBindHost(config.bindHost()).withPort(config.port())
                .withIdleTimeout(config.liveness().connectionIdleTimeout());
        this.server = new NettyRemotingServer(serverConfig, scheduler, new Liveness());
    }

    /** Loads KV config, binds the port, starts the scan. Returns this. */
    public synchronized NameServer start() {
        if (started) {
            return this;
        }
        kv.load();
        registerHandlers(server.handlers());
        try {
            server.start();
        } catch (RuntimeException e) {
            Executors2.shutdownAndAwait(handlerPool, Duration.ofSeconds(3));
            throw e;
        }
        String address = address();
        events.nodeName(NodeEvent.nodeName("namesrv", address));
        nodeInfo.address(address);
        streams = new EventStreamService(events, server, scheduler, this::snapshotJson, EVENT_DRAIN_INTERVAL);
        server.handlers().register(RequestCode.SUBSCRIBE_EVENTS, new SubscribeEventsHandler(streams), handlerPool);
        server.handlers().register(RequestCode.UNSUBSCRIBE_EVENTS, new UnsubscribeEventsHandler(streams), handlerPool);
        scanner.start();
        routeServed.start(scheduler);
        started = true;
        LOG.info("NameServer serving on {} (profile {}, scan every {} ms, broker expiry {} ms)", address,
                config.liveness().profileName(), config.liveness().scanInterval().toMillis(),
                config.liveness().brokerExpiry().toMillis());
        return this;
    }

    private void registerHandlers(HandlerTable t) {
        t.register(RequestCode.REGISTER_BROKER, new RegisterBrokerHandler(routes, kv, time), handlerPool);
        t.register(RequestCode.UNREGISTER_BROKER, new UnregisterBrokerHandler(routes, time), handlerPool);
        t.register(RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoHandler(routes, routeServed), handlerPool);
        t.register(RequestCode.GET_BROKER_CLUSTER_INFO, new GetBrokerClusterInfoHandler(routes), handlerPool);
        t.register(RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, new GetAllTopicListHandler(routes), handlerPool);
        t.register(RequestCode.GET_TOPICS_BY_CLUSTER, new GetTopicsByClusterHandler(routes), handlerPool);
        t.register(RequestCode.QUERY_DATA_VERSION, new QueryDataVersionHandler(routes, time), handlerPool);
        t.register(RequestCode.DELETE_TOPIC_IN_NAMESRV, new DeleteTopicInNamesrvHandler(routes), handlerPool);
        t.register(RequestCode.WIPE_WRITE_PERM_OF_BROKER, new WipeWritePermHandler(routes), handlerPool);
        t.register(RequestCode.ADD_WRITE_PERM_OF_BROKER, new AddWritePermHandler(routes), handlerPool);
        t.register(RequestCode.PUT_KV_CONFIG, new PutKvConfigHandler(kv), handlerPool);
        t.register(RequestCode.GET_KV_CONFIG, new GetKvConfigHandler(kv), handlerPool);
        t.register(RequestCode.DELETE_KV_CONFIG, new DeleteKvConfigHandler(kv), handlerPool);
        t.register(RequestCode.GET_KVLIST_BY_NAMESPACE, new GetKvListByNamespaceHandler(kv), handlerPool);
        t.register(RequestCode.GET_NODE_INFO, new GetNodeInfoHandler(nodeInfo), handlerPool);
        t.register(RequestCode.SET_FAULTS, new SetFaultsHandler(faults, events), handlerPool);
        t.register(RequestCode.GET_FAULTS, new GetFaultsHandler(faults), handlerPool);
    }

    private JsonObject snapshotJson() {
        return NamesrvSnapshotJson.toJson(routes.snapshot(Moment.of(time)));
    }

    /** The bound port (after {@link #start()}). */
    public int port() {
        return server.port();
    }

    /** "host:port" others reach this NameServer at. */
    public String address() {
        return HostAddresses.advertised(config.bindHost()) + ":" + server.port();
    }

    public RouteState routes() {
        return routes;
    }

    public EventBus events() {
        return events;
    }

    /** Connections open to this NameServer now (brokers, clients, consoles). */
    public int connectionCount() {
        return server.connectionCount();
    }

    public NameServerNodeConfig config() {
        return config;
    }

    /** Stops serving: timers, event streams, connections, handler threads, in that order. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        scanner.close();
        routeServed.close();
        if (streams != null) {
            streams.close();
        }
        server.close();
        Executors2.shutdownAndAwait(handlerPool, Duration.ofSeconds(3));
        events.close();
        LOG.info("NameServer stopped");
    }

    /** A broker whose connection closes is removed at once: the "disconnected" path. */
    private final class Liveness implements ChannelEventListener {
        @Override
        public void onClosed(RemoteChannel channel) {
            routes.removeByChannel(channel.id(), Moment.of(time));
            if (streams != null) {
                streams.onChannelClosed(channel);
            }
        }
    }
}
