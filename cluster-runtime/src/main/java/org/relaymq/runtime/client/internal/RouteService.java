package org.relaymq.runtime.client.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetRouteInfoRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's route cache. Queries one NameServer at a time (staying on the last one that answered,
 * rotating on failure); when every NameServer is unreachable the cached routes keep serving and
 * {@link #status()} says so. Every answer becomes a ROUTE_POLLED event, every outage NAMESRV_UNREACHABLE.
 */
public final class RouteService {

    private static final Logger LOG = LoggerFactory.getLogger(RouteService.class);

    private final List<String> namesrvs;
    private final Transport transport;
    private final TimeSource time;
    private final ClientEvents events;
    private final long timeoutMillis;
    private final Map<String, TopicRouteData> routes = new ConcurrentHashMap<>();
    private final Map<String, Map<Long, String>> brokerAddrs = new ConcurrentHashMap<>();
    private volatile int current;
    private volatile NamesrvStatus status;

    public RouteService(List<String> namesrvs, Transport transport, TimeSource time, ClientEvents events,
                        long timeoutMillis, int startIndex) {
        this.namesrvs = List.copyOf(namesrvs);
        this.transport = transport;
        this.time = time;
        this.events = events;
        this.timeoutMillis = timeoutMillis;
        this.current = Math.floorMod(startIndex, this.namesrvs.size());
        this.status = new NamesrvStatus(true, this.namesrvs.get(current), 0, 0, null);
    }

    public NamesrvStatus status() {
        return status;
    }

    public List<String> namesrvs() {
        return namesrvs;
    }

    /** The cached route, without asking a NameServer. */
    public Optional<TopicRouteData> cached(String topic) {
        return Optional.ofNullable(routes.get(topic));
    }

    public Set<String> cachedTopics() {
        return Set.copyOf(routes.keySet());
    }

    /** Polls every topic; one NAMESRV_UNREACHABLE per round while no NameServer answers. */
    public void pollAll(Collection<String> topics) {
        String lastError = null;
        for (String topic : topics) {
            Lookup l = query(topic);
            if (l.unreachable) {
                lastError = l.error;
            }
        }
        if (lastError != null) {
            NamesrvStatus s = status;
            events.namesrvUnreachable(namesrvs, lastError, s.unreachableSinceMillis(), cachedTopics());
        }
    }

    /**
     * Asks the NameServers for {@code topic}'s route and caches it. Returns the freshest route known:
     * the answer, or the cached one when no NameServer answered; empty when the topic has no route.
     */
    public Optional<TopicRouteData> fetch(String topic) {
        boolean wasReachable = status.reachable();
        Lookup l = query(topic);
        if (l.unreachable && wasReachable) {
            events.namesrvUnreachable(namesrvs, l.error, status.unreachableSinceMillis(), cachedTopics());
        }
        return l.unreachable ? cached(topic) : Optional.ofNullable(l.route);
    }

    private record Lookup(TopicRouteData route, boolean unreachable, String error) {
    }

    private Lookup query(String topic) {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
                new GetRouteInfoRequestHeader(topic, null).toExt());
        String error = null;
        int n = namesrvs.size();
        for (int i = 0; i < n; i++) {
            int index = (current + i) % n;
            String addr = namesrvs.get(index);
            try {
                RemotingCommand response = transport.invokeSync(addr, request, timeoutMillis);
                current = index;
                return new Lookup(accept(addr, topic, response), false, null);
            } catch (RemotingException e) {
                error = addr + ": " + e.getMessage();
                LOG.debug("route query for {} to {} failed: {}", topic, addr, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                error = "interrupted";
                break;
            }
        }
        markUnreachable(error);
        return new Lookup(routes.get(topic), true, error);
    }

    private TopicRouteData accept(String addr, String topic, RemotingCommand response) {
        status = new NamesrvStatus(true, addr, time.wallMillis(), 0, null);
        if (response.code() != ResponseCode.SUCCESS) {
            events.routePolled(addr, topic, List.of(), false, false);
            return null;
        }
        TopicRouteData fresh = normalize(TopicRouteData.decode(response.body()));
        TopicRouteData old = routes.put(topic, fresh);
        for (BrokerData b : fresh.brokerDatas()) {
            brokerAddrs.put(b.brokerName(), b.brokerAddrs());
        }
        events.routePolled(addr, topic, fresh.brokerDatas().stream().map(BrokerData::brokerName).toList(),
                !fresh.equals(old), true);
        return fresh;
    }

    private void markUnreachable(String error) {
        NamesrvStatus s = status;
        long since = s.reachable() ? time.wallMillis() : s.unreachableSinceMillis();
        status = new NamesrvStatus(false, s.current(), s.lastSuccessMillis(), since, error);
    }

    static TopicRouteData normalize(TopicRouteData r) {
        List<QueueData> qs = new ArrayList<>(r.queueDatas());
        qs.sort(Comparator.comparing(QueueData::brokerName));
        List<BrokerData> bs = new ArrayList<>(r.brokerDatas());
        bs.sort(Comparator.comparing(BrokerData::brokerName));
        return new TopicRouteData(r.orderTopicConf(), qs, bs, r.filterServerTable());
    }

    /** The latest addresses (broker id → host:port) of a broker group, empty when unknown. */
    public Map<Long, String> brokerAddrs(String brokerName) {
        return brokerAddrs.getOrDefault(brokerName, Map.of());
    }

    public String masterAddr(String brokerName) {
        return brokerAddrs(brokerName).get(BrokerData.MASTER_ID);
    }

    /** Every broker group with its addresses. */
    public Map<String, Map<Long, String>> brokers() {
        return Map.copyOf(brokerAddrs);
    }

    /** Forgets broker groups absent from every cached route; returns the addresses they had. */
    public Set<String> forgetBrokersOutsideRoutes() {
        Set<String> inRoutes = new HashSet<>();
        routes.values().forEach(r -> r.brokerDatas().forEach(b -> inRoutes.add(b.brokerName())));
        Set<String> gone = new HashSet<>();
        brokerAddrs.entrySet().removeIf(e -> {
            if (inRoutes.contains(e.getKey())) {
                return false;
            }
            gone.addAll(e.getValue().values());
            return true;
        });
        return gone;
    }

    /** Every address in the current routes. */
    public Set<String> allAddresses() {
        Set<String> all = new HashSet<>();
        brokerAddrs.values().forEach(m -> all.addAll(m.values()));
        return all;
    }
}
