package org.relaymq.runtime.broker;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.broker.client.ClientHousekeeping;
import org.relaymq.runtime.broker.client.ConsumerManager;
import org.relaymq.runtime.broker.client.ProducerManager;
import org.relaymq.runtime.broker.client.RebalanceLockManager;
import org.relaymq.runtime.broker.client.RemotingClientChannel;
import org.relaymq.runtime.broker.handler.QueueHeadProbe;
import org.relaymq.runtime.broker.offset.ConsumerOffsetManager;
import org.relaymq.runtime.broker.offset.DelayOffsetStore;
import org.relaymq.runtime.broker.registration.BrokerIdentity;
import org.relaymq.runtime.broker.registration.RegisterOutcome;
import org.relaymq.runtime.broker.registration.NamesrvRegistrar;
import org.relaymq.runtime.broker.registration.NamesrvRegistrar.RegistrarSettings;
import org.relaymq.runtime.broker.subscription.SubscriptionGroupManager;
import org.relaymq.runtime.broker.topic.TopicConfigManager;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.telemetry.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's parts that need no message store: topic, offset and subscription-group tables, client
 * registries and queue locks, NameServer registration, and the handlers of the codes they serve (see
 * {@link BrokerCoreHandlers}). The {@code Broker} composition root builds one, adds the store-backed
 * parts on the same server (reusing {@link #executors()}), and closes it before the server.
 *
 * <p>The constructor loads the JSON files and registers the handlers; {@link #start} starts the timers
 * and the first registration (the server must be bound by then); {@link #close} unregisters from every
 * NameServer, stops the timers, writes the offsets and stops the handler pools.
 */
public final class BrokerCore implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCore.class);

    private final BrokerConfig config;
    private final NettyRemotingServer server;
    private final Scheduler scheduler;
    private final EventSink events;
    private final TopicConfigManager topics;
    private final ConsumerOffsetManager consumerOffsets;
    private final DelayOffsetStore delayOffsets;
    private final SubscriptionGroupManager subscriptionGroups;
    private final ConsumerManager consumers;
    private final ProducerManager producers;
    private final RebalanceLockManager locks;
    private final ClientHousekeeping housekeeping;
    private final NamesrvRegistrar registrar;
    private final Executors executors;
    private final BrokerCoreHandlers handlers;
    private boolean started;
    private boolean closed;

    /** The handler pools, by the kind of request (Apache's client-manage / consumer-manage / admin pools). */
    public record Executors(ThreadPoolExecutor clientManage, ThreadPoolExecutor consumerManage,
                            ThreadPoolExecutor admin) {
    }

    /**
     * @param channelEvents  the listener {@code server} was built with; the client registries join it
     * @param namesrvClient  used for REGISTER/UNREGISTER_BROKER; not closed here
     */
    public BrokerCore(BrokerConfig config, NettyRemotingServer server, BrokerChannelEvents channelEvents,
                      NettyRemotingClient namesrvClient, EventSink events, Scheduler scheduler, TimeSource time) {
        this.config = Objects.requireNonNull(config, "config");
        this.server = Objects.requireNonNull(server, "server");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.events = Objects.requireNonNull(events, "events");
        this.topics = new TopicConfigManager(config, time).load();
        this.consumerOffsets = new ConsumerOffsetManager(config.configDir()).load();
        this.delayOffsets = new DelayOffsetStore(config.configDir()).load();
        this.subscriptionGroups = new SubscriptionGroupManager(config.configDir(), time,
                config.autoCreateSubscriptionGroup()).load();
        this.consumers = new ConsumerManager(events, config.clientChannelExpiry(), this::notifyEnabled);
        this.producers = new ProducerManager(events, config.clientChannelExpiry());
        this.locks = new RebalanceLockManager(config.rebalanceLockMaxLiveTime());
        this.housekeeping = new ClientHousekeeping(consumers, producers, time);
        channelEvents.add(housekeeping);
        this.registrar = new NamesrvRegistrar(RegistrarSettings.of(config), topics::snapshot, namesrvClient,
                scheduler, time, events);
        topics.addListener(() -> registrar.registerAll("topicChange"));
        String prefix = "broker-" + config.brokerName();
        this.executors = new Executors(Executors2.fixedBounded(prefix + "-client", 4, 50_000),
                Executors2.fixedBounded(prefix + "-consumer-manage", 8, 100_000),
                Executors2.fixedBounded(prefix + "-admin", 2, 1_000));
        this.handlers = new BrokerCoreHandlers(this, ctx -> new RemotingClientChannel(ctx.remoteChannel(), server),
                time);
        handlers.registerOn(server.handlers());
    }

    private boolean notifyEnabled(String group) {
        return subscriptionGroups.find(group).map(g -> g.notifyConsumerIdsChangedEnable()).orElse(true);
    }

    /** Starts with the bound port as the broker address and HA on port + 1. */
    public void start() {
        start(BrokerIdentity.of(config, server.port(), server.port() + 1));
    }

    /**
     * Starts the offset writers, the client scan and the NameServer registration (first one now).
     * Returns the first registration round, complete when every NameServer answered or timed out.
     */
    public synchronized CompletableFuture<List<RegisterOutcome>> start(BrokerIdentity identity) {
        if (started || closed) {
            throw new IllegalStateException(closed ? "broker core closed" : "broker core already started");
        }
        started = true;
        consumerOffsets.start(scheduler, config.flushConsumerOffsetInterval());
        delayOffsets.start(scheduler, config.flushConsumerOffsetInterval());
        housekeeping.start(scheduler, config.clientChannelScanInterval());
        events.publish(EventKind.ROLE, EventData.create()
                .put("brokerName", identity.brokerName())
                .put("brokerId", identity.brokerId())
                .put("role", config.brokerRole().name())
                .put("brokerAddr", identity.brokerAddr())
                .build());
        CompletableFuture<List<RegisterOutcome>> first = registrar.start(identity);
        LOG.info("broker {} ({}, id {}) core started as {}, registering with {} every {} ms", config.brokerName(),
                config.brokerRole(), config.brokerId(), identity.brokerAddr(), config.namesrvAddr(),
                config.registerNameServerPeriod().toMillis());
        return first;
    }

    /** Supplies QUERY_CONSUMER_OFFSET's "does the queue still start hot at 0?" answer (the store's). */
    public void queueHeadProbe(QueueHeadProbe probe) {
        handlers.queueHeadProbe(probe);
    }

    public BrokerConfig config() { return config; }
    public TopicConfigManager topics() { return topics; }
    public ConsumerOffsetManager consumerOffsets() { return consumerOffsets; }
    public DelayOffsetStore delayOffsets() { return delayOffsets; }
    public SubscriptionGroupManager subscriptionGroups() { return subscriptionGroups; }
    public ConsumerManager consumers() { return consumers; }
    public ProducerManager producers() { return producers; }
    public RebalanceLockManager locks() { return locks; }
    public ClientHousekeeping housekeeping() { return housekeeping; }
    public NamesrvRegistrar registrar() { return registrar; }
    public Executors executors() { return executors; }

    /**
     * Graceful stop: UNREGISTER_BROKER to every NameServer (if started), timers off, offsets written,
     * handler pools drained. Idempotent. Close it before the server and the NameServer client.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        registrar.close();
        if (started) {
            registrar.unregisterAll();
        }
        housekeeping.close();
        consumerOffsets.close();
        delayOffsets.close();
        Duration grace = Duration.ofSeconds(3);
        Executors2.shutdownAndAwait(executors.clientManage(), grace);
        Executors2.shutdownAndAwait(executors.consumerManage(), grace);
        Executors2.shutdownAndAwait(executors.admin(), grace);
        LOG.info("broker {} core closed", config.brokerName());
    }
}
