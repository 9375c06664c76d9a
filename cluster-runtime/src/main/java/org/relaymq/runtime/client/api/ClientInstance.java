package org.relaymq.runtime.client.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.ConsumerData;
import org.relaymq.protocol.body.HeartbeatData;
import org.relaymq.protocol.body.ProducerData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.message.UniqueKeyGenerator;
import org.relaymq.runtime.client.internal.BrokerCalls;
import org.relaymq.runtime.client.internal.ClientEvents;
import org.relaymq.runtime.client.internal.ClientIds;
import org.relaymq.runtime.client.internal.ConsumerMember;
import org.relaymq.runtime.client.internal.NamesrvStatus;
import org.relaymq.runtime.client.internal.NettyTransport;
import org.relaymq.runtime.client.internal.ProducerMember;
import org.relaymq.runtime.client.internal.RouteService;
import org.relaymq.runtime.client.internal.SerialExecutor;
import org.relaymq.runtime.client.internal.Transport;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.common.time.WheelScheduler;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.remoting.RemotingClientConfig;
import org.relaymq.runtime.telemetry.EventBus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client identity ({@code clientID}) with its connections, route cache, heartbeats and timers, shared
 * by the producers and consumers created on it (Apache's MQClientInstance in spirit, but created
 * explicitly: no static factory table). Its routing decisions are node events on {@link #events()}.
 */
public final class ClientInstance implements AutoCloseable {

    public static final String INNER_PRODUCER_GROUP = "CLIENT_INNER_PRODUCER";
    private static final Logger LOG = LoggerFactory.getLogger(ClientInstance.class);

    private final ClientConfig config;
    private final String clientId;
    private final Transport transport;
    private final TimeSource time;
    private final Scheduler scheduler;
    private final Executor worker;
    private final Executor rebalancer;
    private final EventBus events;
    private final RouteService routes;
    private final BrokerCalls calls;
    private final UniqueKeyGenerator uniqueKeys;
    private final Map<String, ProducerMember> producers = new ConcurrentHashMap<>();
    private final Map<String, ConsumerMember> consumers = new ConcurrentHashMap<>();
    private final List<Scheduler.Cancellable> timers = new ArrayList<>();
    private final List<AutoCloseable> owned = new ArrayList<>();
    private final ExecutorService notifyExecutor = Executors2.fixedBounded("relaymq-client-notify", 1, 256);
    private final AtomicBoolean rebalanceQueued = new AtomicBoolean();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    /** A client on real connections, the system clock and its own timer and worker threads. */
    public static ClientInstance create(ClientConfig config) {
        return create(config, null);
    }

    /**
     * As {@link #create(ClientConfig)}, with {@code faults} (the process's fault table, answered by its node
     * server) filtering every connection the client opens; null for none.
     */
    public static ClientInstance create(ClientConfig config, NetworkFaultTable faults) {
        ExecutorScheduler scheduler = new ExecutorScheduler("relaymq-client-timer", 1);
        WheelScheduler requestTimeouts = new WheelScheduler("relaymq-client-timeouts");
        NettyRemotingClient remoting = new NettyRemotingClient(RemotingClientConfig.defaults()
                .withName("relaymq-client"), requestTimeouts, TimeSource.system(), faults);
        ExecutorService pool = Executors2.fixedBounded("relaymq-client-worker", 4, 1024);
        ClientInstance c = new ClientInstance(config, new NettyTransport(remoting), TimeSource.system(), scheduler,
                pool);
        c.owned.add(() -> Executors2.shutdownAndAwait(pool, Duration.ofSeconds(3)));
        c.owned.add(scheduler);
        c.owned.add(requestTimeouts);
        return c;
    }

    /** For tests and embedding: every collaborator injected; the transport is closed with the instance. */
    public ClientInstance(ClientConfig config, Transport transport, TimeSource time, Scheduler scheduler,
                          Executor worker) {
        this.config = config;
        this.transport = transport;
        this.time = time;
        this.scheduler = scheduler;
        this.worker = worker;
        this.rebalancer = new SerialExecutor(worker);
        String ip = config.clientIp() != null ? config.clientIp() : ClientIds.localIp();
        String instance = config.instanceName() != null ? config.instanceName()
                : ClientIds.defaultInstanceName(System.nanoTime());
        this.clientId = ClientIds.clientId(ip, instance);
        this.events = new EventBus("client@" + clientId, time);
        ClientEvents clientEvents = new ClientEvents(events);
        long timeout = config.mqClientApiTimeout().toMillis();
        this.routes = new RouteService(config.namesrvAddrs(), transport, time, clientEvents, timeout,
                ThreadLocalRandom.current().nextInt(config.namesrvAddrs().size()));
        this.calls = new BrokerCalls(transport, timeout);
        this.uniqueKeys = new UniqueKeyGenerator(ClientIds.ipBytes(ip), (int) ProcessHandle.current().pid(),
                System.identityHashCode(this), time::wallMillis);
    }

    /** Starts the timers (route poll after 10 ms, heartbeat after 1 s, …); idempotent. */
    public ClientInstance start() {
        if (!started.compareAndSet(false, true)) {
            return this;
        }
        transport.onRequest(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED, (ctx, request) -> {
            rebalanceNow();
            return null;
        }, notifyExecutor);
        synchronized (timers) {
            timers.add(scheduler.scheduleWithFixedDelay(() -> worker.execute(this::pollRoutes),
                    Duration.ofMillis(10), config.pollNameServerInterval()));
            timers.add(scheduler.scheduleWithFixedDelay(() -> worker.execute(this::heartbeatAndClean),
                    Duration.ofSeconds(1), config.heartbeatBrokerInterval()));
            timers.add(scheduler.scheduleWithFixedDelay(this::rebalanceNow, config.rebalanceInterval(),
                    config.rebalanceInterval()));
            timers.add(scheduler.scheduleWithFixedDelay(() -> worker.execute(this::persistOffsets),
                    config.persistConsumerOffsetInterval(), config.persistConsumerOffsetInterval()));
        }
        return this;
    }

    public String clientId() {
        return clientId;
    }

    public ClientConfig config() {
        return config;
    }

    /** The decision stream: ROUTE_POLLED, NAMESRV_UNREACHABLE, SEND_DECISION, SEND_RESULT, … */
    public EventBus events() {
        return events;
    }

    /** Whether a NameServer answered the last route query, and since when none has. */
    public NamesrvStatus namesrvStatus() {
        return routes.status();
    }

    public RouteService routes() {
        return routes;
    }

    public BrokerCalls calls() {
        return calls;
    }

    public TimeSource time() {
        return time;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    public Executor worker() {
        return worker;
    }

    public UniqueKeyGenerator uniqueKeys() {
        return uniqueKeys;
    }

    public void registerProducer(ProducerMember p) {
        if (producers.putIfAbsent(p.group(), p) != null) {
            throw new IllegalStateException("producer group " + p.group() + " already exists on " + clientId);
        }
    }

    public void registerConsumer(ConsumerMember c) {
        if (consumers.putIfAbsent(c.group(), c) != null) {
            throw new IllegalStateException("consumer group " + c.group() + " already exists on " + clientId);
        }
    }

    /** Removes the producer and tells every broker (UNREGISTER_CLIENT). */
    public void unregisterProducer(String group) {
        if (producers.remove(group) != null) {
            unregisterEverywhere(group, null);
        }
    }

    public void unregisterConsumer(String group) {
        if (consumers.remove(group) != null) {
            unregisterEverywhere(null, group);
        }
    }

    private void unregisterEverywhere(String producerGroup, String consumerGroup) {
        for (String addr : routes.allAddresses()) {
            try {
                calls.unregister(addr, clientId, producerGroup, consumerGroup);
            } catch (ClientException e) {
                LOG.debug("unregister at {} failed: {}", addr, e.getMessage());
            }
        }
    }

    /** Polls the route of every topic in use (and TBW102 for producers). */
    public void pollRoutes() {
        Set<String> topics = new HashSet<>();
        producers.values().forEach(p -> topics.addAll(p.topicsInUse()));
        consumers.values().forEach(c -> topics.addAll(c.topicsInUse()));
        if (!topics.isEmpty()) {
            routes.pollAll(topics);
        }
    }

    private void heartbeatAndClean() {
        for (String addr : routes.forgetBrokersOutsideRoutes()) {
            LOG.info("{} left every route: closing its connection", addr);
            transport.closeChannel(addr);
        }
        sendHeartbeatNow();
    }

    /** HEART_BEAT to every master (producer-only clients) or every address (clients with consumers). */
    public void sendHeartbeatNow() {
        Set<ProducerData> ps = new HashSet<>();
        producers.keySet().forEach(g -> ps.add(new ProducerData(g)));
        Set<ConsumerData> cs = new HashSet<>();
        consumers.values().forEach(c -> cs.add(c.consumerData()));
        if (ps.isEmpty() && cs.isEmpty()) {
            return;
        }
        if (!ps.isEmpty()) {
            ps.add(new ProducerData(INNER_PRODUCER_GROUP));
        }
        HeartbeatData data = HeartbeatData.of(clientId, ps, cs);
        for (Map.Entry<String, Map<Long, String>> b : routes.brokers().entrySet()) {
            for (Map.Entry<Long, String> a : b.getValue().entrySet()) {
                if (cs.isEmpty() && a.getKey() != BrokerData.MASTER_ID) {
                    continue;
                }
                try {
                    calls.heartbeat(a.getValue(), data);
                } catch (ClientException e) {
                    LOG.debug("heartbeat to {} failed: {}", a.getValue(), e.getMessage());
                }
            }
        }
    }

    /** Queues a rebalance of every consumer (coalesced; one at a time). */
    public void rebalanceNow() {
        if (consumers.isEmpty() || !rebalanceQueued.compareAndSet(false, true)) {
            return;
        }
        rebalancer.execute(() -> {
            rebalanceQueued.set(false);
            for (ConsumerMember c : consumers.values()) {
                try {
                    c.rebalance();
                } catch (RuntimeException e) {
                    LOG.warn("rebalance of {} failed", c.group(), e);
                }
            }
        });
    }

    private void persistOffsets() {
        consumers.values().forEach(ConsumerMember::persistOffsets);
    }

    /** Stops the timers, unregisters every group and closes the connections. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        synchronized (timers) {
            timers.forEach(Scheduler.Cancellable::cancel);
        }
        new ArrayList<>(producers.keySet()).forEach(this::unregisterProducer);
        new ArrayList<>(consumers.keySet()).forEach(this::unregisterConsumer);
        transport.close();
        Executors2.shutdownAndAwait(notifyExecutor, Duration.ofSeconds(1));
        for (AutoCloseable c : owned) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("closing {} failed", c, e);
            }
        }
        events.close();
    }
}
