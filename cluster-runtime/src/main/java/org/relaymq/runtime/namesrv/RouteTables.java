package org.relaymq.runtime.namesrv;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.ClusterInfo;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicConfigSerializeWrapper;
import org.relaymq.protocol.body.TopicRouteData;

/**
 * The NameServer's mutable tables and the update rules of protocol.md §4.1. Not thread-safe:
 * {@link RouteState} is the only caller and serializes every access. Everything handed out is a copy.
 */
final class RouteTables {

    private final Map<String, Set<String>> clusterAddrTable = new TreeMap<>();
    private final Map<String, BrokerGroup> brokerAddrTable = new TreeMap<>();
    private final Map<String, Map<String, QueueData>> topicQueueTable = new TreeMap<>();
    private final Map<String, BrokerLiveInfo> brokerLiveTable = new TreeMap<>();
    private final Map<String, List<String>> filterServerTable = new HashMap<>();

    /** A registration's result and the live entry it left. */
    record Registration(RegisterResult result, BrokerLiveInfo live) {
    }

    Registration register(RegisterRequest r, Moment now) {
        clusterAddrTable.computeIfAbsent(r.cluster(), k -> new TreeSet<>()).add(r.brokerName());
        BrokerGroup group = brokerAddrTable.get(r.brokerName());
        boolean first = group == null;
        if (first) {
            group = new BrokerGroup(r.cluster(), r.brokerName());
            brokerAddrTable.put(r.brokerName(), group);
        }
        group.addrs.entrySet().removeIf(e -> e.getValue().equals(r.brokerAddr()) && e.getKey() != r.brokerId());
        first = group.addrs.put(r.brokerId(), r.brokerAddr()) == null || first;

        BrokerLiveInfo prev = brokerLiveTable.get(r.brokerAddr());
        DataVersion version = r.topicConfig() == null ? null : r.topicConfig().dataVersion();
        boolean changed = first || prev == null || !sameVersion(prev.dataVersion(), version);
        if (r.isMaster() && r.topicConfig() != null && changed) {
            updateQueues(r.brokerName(), r.topicConfig());
        }
        BrokerLiveInfo live = new BrokerLiveInfo(r.brokerAddr(), r.cluster(), r.brokerName(), r.brokerId(),
                r.haServerAddr(), r.channelId(), version,
                prev == null ? now.wallMillis() : prev.firstRegistrationWallMillis(), now.wallMillis(),
                now.monotonicMillis(), prev == null ? 1 : prev.refreshCount() + 1, BrokerLiveInfo.VIA_REGISTER);
        brokerLiveTable.put(r.brokerAddr(), live);
        if (r.filterServerList().isEmpty()) {
            filterServerTable.remove(r.brokerAddr());
        } else {
            filterServerTable.put(r.brokerAddr(), r.filterServerList());
        }
        return new Registration(slaveResult(group, r, first, changed), live);
    }

    /** Drops an address under every id (expired or disconnected). Empty if it was unknown. */
    Optional<RemovedBroker> removeAddress(String addr, RemovalReason reason, Moment now) {
        BrokerLiveInfo live = brokerLiveTable.remove(addr);
        filterServerTable.remove(addr);
        String cluster = live == null ? null : live.cluster();
        String name = live == null ? null : live.brokerName();
        long id = live == null ? -1 : live.brokerId();
        boolean found = live != null;
        boolean groupRemoved = false;
        List<String> topicsRemoved = new ArrayList<>();
        for (Iterator<BrokerGroup> it = brokerAddrTable.values().iterator(); it.hasNext(); ) {
            BrokerGroup g = it.next();
            Long removedId = g.removeAddress(addr);
            if (removedId == null) {
                continue;
            }
            found = true;
            cluster = cluster == null ? g.cluster : cluster;
            name = name == null ? g.name : name;
            id = id < 0 ? removedId : id;
            if (g.addrs.isEmpty()) {
                it.remove();
                dropGroup(g, topicsRemoved);
                groupRemoved = true;
            }
        }
        return found ? Optional.of(new RemovedBroker(reason, cluster, name, addr, id, live,
                live == null ? 0 : live.idleMillis(now), groupRemoved, topicsRemoved)) : Optional.empty();
    }

    /** Graceful unregister: drops the live entry and the id, if the id still maps to this address. */
    Optional<RemovedBroker> removeId(String cluster, String addr, String name, long id, Moment now) {
        BrokerLiveInfo live = brokerLiveTable.remove(addr);
        filterServerTable.remove(addr);
        BrokerGroup g = brokerAddrTable.get(name);
        boolean idRemoved = g != null && addr.equals(g.addrs.get(id));
        if (live == null && !idRemoved) {
            return Optional.empty();
        }
        boolean groupRemoved = false;
        List<String> topicsRemoved = new ArrayList<>();
        if (idRemoved) {
            g.addrs.remove(id);
            if (g.addrs.isEmpty()) {
                brokerAddrTable.remove(name);
                dropGroup(g, topicsRemoved);
                groupRemoved = true;
            }
        }
        return Optional.of(new RemovedBroker(RemovalReason.UNREGISTERED, cluster, name, addr, id, live,
                live == null ? 0 : live.idleMillis(now), groupRemoved, topicsRemoved));
    }

    /** Refreshes the live entry if any; returns the entry before the refresh (or null). */
    BrokerLiveInfo refresh(String addr, Moment now, String via) {
        BrokerLiveInfo prev = brokerLiveTable.get(addr);
        if (prev != null) {
            brokerLiveTable.put(addr, prev.refreshed(now, via));
        }
        return prev;
    }

    Optional<TopicRouteData> route(String topic) {
        Map<String, QueueData> queues = topicQueueTable.get(topic);
        if (queues == null || queues.isEmpty()) {
            return Optional.empty();
        }
        List<BrokerData> brokers = new ArrayList<>();
        Map<String, List<String>> filters = new HashMap<>();
        for (String name : queues.keySet()) {
            BrokerGroup g = brokerAddrTable.get(name);
            if (g == null) {
                continue;
            }
            brokers.add(g.toData());
            for (String addr : g.addrs.values()) {
                List<String> fs = filterServerTable.get(addr);
                if (fs != null) {
                    filters.put(addr, fs);
                }
            }
        }
        return brokers.isEmpty() ? Optional.empty()
                : Optional.of(new TopicRouteData(null, new ArrayList<>(queues.values()), brokers, filters));
    }

    ClusterInfo clusterInfo() {
        Map<String, BrokerData> brokers = new TreeMap<>();
        brokerAddrTable.forEach((name, g) -> brokers.put(name, g.toData()));
        Map<String, Set<String>> clusters = new TreeMap<>();
        clusterAddrTable.forEach((c, names) -> clusters.put(c, Set.copyOf(names)));
        return new ClusterInfo(brokers, clusters);
    }

    List<String> allTopics() {
        return List.copyOf(topicQueueTable.keySet());
    }

    List<String> topicsByCluster(String cluster) {
        Set<String> names = clusterAddrTable.getOrDefault(cluster, Set.of());
        List<String> topics = new ArrayList<>();
        topicQueueTable.forEach((topic, queues) -> {
            if (queues.keySet().stream().anyMatch(names::contains)) {
                topics.add(topic);
            }
        });
        return List.copyOf(topics);
    }

    /** Removes the topic (cluster null) or only the queues of that cluster's brokers; returns queues removed. */
    int deleteTopic(String topic, String clusterOrNull) {
        Map<String, QueueData> queues = topicQueueTable.get(topic);
        if (queues == null) {
            return 0;
        }
        int before = queues.size();
        if (clusterOrNull == null) {
            queues.clear();
        } else {
            queues.keySet().removeAll(clusterAddrTable.getOrDefault(clusterOrNull, Set.of()));
        }
        if (queues.isEmpty()) {
            topicQueueTable.remove(topic);
        }
        return before - queues.size();
    }

    /** Rewrites the perm of every QueueData of {@code brokerName}; returns how many there were. */
    int setWritePerm(String brokerName, boolean writable) {
        int count = 0;
        for (Map<String, QueueData> queues : topicQueueTable.values()) {
            QueueData q = queues.get(brokerName);
            if (q != null) {
                int perm = writable ? PermName.READ_WRITE
                        : q.perm() & ~PermName.PERM_WRITE;
                queues.put(brokerName, new QueueData(q.brokerName(), q.readQueueNums(), q.writeQueueNums(), perm,
                        q.topicSysFlag()));
                count++;
            }
        }
        return count;
    }

    List<BrokerLiveInfo> liveBrokers() {
        return List.copyOf(brokerLiveTable.values());
    }

    BrokerLiveInfo live(String addr) {
        return brokerLiveTable.get(addr);
    }

    int topicCount(String brokerName) {
        return (int) topicQueueTable.values().stream().filter(q -> q.containsKey(brokerName)).count();
    }

    static boolean sameVersion(DataVersion stored, DataVersion given) {
        return stored == null ? given == null : stored.sameAs(given);
    }

    private RegisterResult slaveResult(BrokerGroup group, RegisterRequest r, boolean first, boolean changed) {
        if (r.isMaster()) {
            return new RegisterResult(first, changed, null, null);
        }
        String masterAddr = group.addrs.get(BrokerData.MASTER_ID);
        BrokerLiveInfo master = masterAddr == null ? null : brokerLiveTable.get(masterAddr);
        return master == null ? new RegisterResult(first, changed, null, null)
                : new RegisterResult(first, changed, masterAddr, master.haServerAddr());
    }

    private void updateQueues(String brokerName, TopicConfigSerializeWrapper wrapper) {
        for (TopicConfig t : wrapper.topicConfigTable().values()) {
            topicQueueTable.computeIfAbsent(t.topicName(), k -> new TreeMap<>()).put(brokerName,
                    new QueueData(brokerName, t.readQueueNums(), t.writeQueueNums(), t.perm(), t.topicSysFlag()));
        }
    }

    private void dropGroup(BrokerGroup g, List<String> topicsRemoved) {
        Set<String> names = clusterAddrTable.get(g.cluster);
        if (names != null) {
            names.remove(g.name);
            if (names.isEmpty()) {
                clusterAddrTable.remove(g.cluster);
            }
        }
        topicQueueTable.entrySet().removeIf(e -> {
            boolean had = e.getValue().remove(g.name) != null;
            boolean empty = e.getValue().isEmpty();
            if (had && empty) {
                topicsRemoved.add(e.getKey());
            }
            return empty;
        });
    }

    /** brokerAddrTable value: one broker name's addresses by id. */
    private static final class BrokerGroup {
        private final String cluster;
        private final String name;
        private final TreeMap<Long, String> addrs = new TreeMap<>();

        BrokerGroup(String cluster, String name) {
            this.cluster = cluster;
            this.name = name;
        }

        /** Removes every id holding {@code addr}; returns the lowest such id or null. */
        Long removeAddress(String addr) {
            Long found = null;
            for (Iterator<Map.Entry<Long, String>> it = addrs.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Long, String> e = it.next();
                if (e.getValue().equals(addr)) {
                    found = found == null ? e.getKey() : found;
                    it.remove();
                }
            }
            return found;
        }

        BrokerData toData() {
            return new BrokerData(cluster, name, addrs);
        }
    }
}
