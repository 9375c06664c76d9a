package org.relaymq.runtime.namesrv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.relaymq.protocol.body.ClusterInfo;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.telemetry.EventSink;

/**
 * The NameServer's route and liveness state. One writer at a time (the write lock) applies each
 * operation whole and publishes its event before the next one starts; readers get immutable copies,
 * so no read sees half an update. No threads and no clock inside: callers pass a {@link Moment}
 * ({@link LivenessScanner} drives {@link #scanExpired}).
 */
public final class RouteState {

    private final NamesrvConfig config;
    private final EventSink events;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final RouteTables tables = new RouteTables();
    private long lastScanWallMillis;

    public RouteState(NamesrvConfig config, EventSink events) {
        this.config = Objects.requireNonNull(config, "config");
        this.events = Objects.requireNonNull(events, "events");
    }

    public NamesrvConfig config() {
        return config;
    }

    /**
     * REGISTER_BROKER (§4.1 steps 1–9). Emits BROKER_REGISTERED when the registration is a first one
     * or the address was not live (new, or back after removal), else BROKER_HEARTBEAT with {@code changed}.
     */
    public RegisterResult register(RegisterRequest request, Moment now) {
        return write(() -> {
            RouteTables.Registration reg = tables.register(request, now);
            RegisterResult result = reg.result();
            if (result.firstRegistration() || reg.live().refreshCount() == 1) {
                events.publish(EventKind.BROKER_REGISTERED, NamesrvEvents.registered(reg.live(), result,
                        tables.topicCount(request.brokerName()), now, expiryMs()));
            } else {
                events.publish(EventKind.BROKER_HEARTBEAT,
                        NamesrvEvents.heartbeat(reg.live(), result.changed(), now, expiryMs()));
            }
            return result;
        });
    }

    /** UNREGISTER_BROKER: removes that id if it still maps to that address; emits BROKER_UNREGISTERED. */
    public Optional<RemovedBroker> unregister(String cluster, String brokerAddr, String brokerName, long brokerId,
                                              Moment now) {
        return write(() -> {
            Optional<RemovedBroker> removed = tables.removeId(cluster, brokerAddr, brokerName, brokerId, now);
            removed.ifPresent(r -> publishRemoval(r, now));
            return removed;
        });
    }

    /** A channel closed: removes every broker address registered over it; emits BROKER_DISCONNECTED. */
    public List<RemovedBroker> removeByChannel(String channelId, Moment now) {
        return write(() -> {
            List<RemovedBroker> removed = new ArrayList<>();
            for (BrokerLiveInfo live : tables.liveBrokers()) {
                if (Objects.equals(live.channelId(), channelId)) {
                    tables.removeAddress(live.brokerAddr(), RemovalReason.DISCONNECTED, now).ifPresent(removed::add);
                }
            }
            removed.forEach(r -> publishRemoval(r, now));
            return removed;
        });
    }

    /** One scan tick: removes brokers silent for more than the expiry; emits SCAN then BROKER_EXPIRED each. */
    public List<RemovedBroker> scanExpired(Moment now) {
        return write(() -> {
            List<BrokerLiveInfo> checked = tables.liveBrokers();
            List<RemovedBroker> expired = new ArrayList<>();
            for (BrokerLiveInfo live : checked) {
                if (live.isExpired(now, expiryMs())) {
                    tables.removeAddress(live.brokerAddr(), RemovalReason.EXPIRED, now).ifPresent(expired::add);
                }
            }
            lastScanWallMillis = now.wallMillis();
            events.publish(EventKind.SCAN, NamesrvEvents.scan(checked, expired, now, expiryMs(),
                    config.scanInterval().toMillis()));
            expired.forEach(r -> publishRemoval(r, now));
            return expired;
        });
    }

    /** QUERY_DATA_VERSION: changed if nothing stored or it differs; refreshes a known broker (a heartbeat). */
    public DataVersionQuery queryDataVersion(String brokerAddr, DataVersion brokerVersion, Moment now) {
        return write(() -> {
            BrokerLiveInfo prev = tables.refresh(brokerAddr, now, BrokerLiveInfo.VIA_QUERY_DATA_VERSION);
            DataVersion stored = prev == null ? null : prev.dataVersion();
            boolean changed = prev == null || !RouteTables.sameVersion(stored, brokerVersion);
            if (prev != null) {
                events.publish(EventKind.BROKER_HEARTBEAT,
                        NamesrvEvents.heartbeat(tables.live(brokerAddr), changed, now, expiryMs()));
            }
            return new DataVersionQuery(changed, stored);
        });
    }

    /** GET_ROUTEINFO_BY_TOPIC: present only with queue data and at least one broker data. */
    public Optional<TopicRouteData> routeOf(String topic) {
        return read(() -> tables.route(topic));
    }

    public ClusterInfo clusterInfo() {
        return read(tables::clusterInfo);
    }

    public List<String> allTopics() {
        return read(tables::allTopics);
    }

    public List<String> topicsByCluster(String cluster) {
        return read(() -> tables.topicsByCluster(cluster));
    }

    /** DELETE_TOPIC_IN_NAMESRV; with a cluster only that cluster's queues go. Returns queue datas removed. */
    public int deleteTopic(String topic, String clusterOrNull) {
        return write(() -> tables.deleteTopic(topic, clusterOrNull));
    }

    /** WIPE_WRITE_PERM_OF_BROKER: clears PERM_WRITE on the broker's queues; returns how many. */
    public int wipeWritePerm(String brokerName) {
        return write(() -> tables.setWritePerm(brokerName, false));
    }

    /** ADD_WRITE_PERM_OF_BROKER: sets the broker's queues to read+write; returns how many. */
    public int addWritePerm(String brokerName) {
        return write(() -> tables.setWritePerm(brokerName, true));
    }

    public List<BrokerLiveInfo> liveBrokers() {
        return read(tables::liveBrokers);
    }

    public Optional<BrokerLiveInfo> liveBroker(String brokerAddr) {
        return read(() -> Optional.ofNullable(tables.live(brokerAddr)));
    }

    /** A consistent picture for a new event subscriber; its eventSeq is the last event it already reflects. */
    public NamesrvSnapshot snapshot(Moment now) {
        return read(() -> {
            List<BrokerView> brokers = tables.liveBrokers().stream()
                    .map(l -> BrokerView.of(l, now, expiryMs())).toList();
            Map<String, TopicRouteData> routes = new TreeMap<>();
            for (String topic : tables.allTopics()) {
                tables.route(topic).ifPresent(r -> routes.put(topic, r));
            }
            return new NamesrvSnapshot(now.wallMillis(), events.lastSeq(), config.profileName(),
                    config.scanInterval().toMillis(), expiryMs(), lastScanWallMillis, brokers, tables.clusterInfo(),
                    routes);
        });
    }

    private void publishRemoval(RemovedBroker r, Moment now) {
        events.publish(r.reason().eventKind(), NamesrvEvents.removed(r, now, expiryMs()));
    }

    private long expiryMs() {
        return config.brokerExpiry().toMillis();
    }

    private <T> T write(Supplier<T> op) {
        lock.writeLock().lock();
        try {
            return op.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T read(Supplier<T> op) {
        lock.readLock().lock();
        try {
            return op.get();
        } finally {
            lock.readLock().unlock();
        }
    }
}
