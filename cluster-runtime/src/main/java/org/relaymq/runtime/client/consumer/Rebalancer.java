package org.relaymq.runtime.client.consumer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.QueueData;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.runtime.client.api.AllocateStrategy;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.internal.ClientEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Client-side rebalance (protocol.md §8.5): readable queues of the route, the group's consumer ids from one
 * broker (clustering) or every queue (broadcasting), allocation, then the owner adds and drops queues.
 * A change of assignment is a REBALANCE event.
 */
final class Rebalancer {

    /** Holds the queues of a consumer. */
    interface Owner {
        Set<MessageQueue> owned(String topic);

        /** Returns the queues actually taken (an orderly consumer may fail to lock some). */
        Set<MessageQueue> apply(Set<MessageQueue> added, Set<MessageQueue> removed);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Rebalancer.class);

    private final String group;
    private final MessageModel model;
    private final AllocateStrategy strategy;
    private final ClientInstance client;
    private final ClientEvents events;

    Rebalancer(String group, MessageModel model, AllocateStrategy strategy, ClientInstance client) {
        this.group = group;
        this.model = model;
        this.strategy = strategy;
        this.client = client;
        this.events = new ClientEvents(client.events());
    }

    void rebalance(String topic, Owner owner) {
        Optional<TopicRouteData> route = client.routes().cached(topic).or(() -> client.routes().fetch(topic));
        if (route.isEmpty()) {
            return;
        }
        List<MessageQueue> queues = readableQueues(topic, route.get());
        List<String> ids = List.of(client.clientId());
        if (model == MessageModel.CLUSTERING) {
            Optional<List<String>> found = consumerIds(route.get());
            if (found.isEmpty()) {
                return;
            }
            ids = found.get().stream().sorted().toList();
        }
        Set<MessageQueue> assigned = model == MessageModel.BROADCASTING ? new HashSet<>(queues)
                : new HashSet<>(strategy.allocate(group, client.clientId(), queues, ids));
        Set<MessageQueue> owned = owner.owned(topic);
        Set<MessageQueue> added = new HashSet<>(assigned);
        added.removeAll(owned);
        Set<MessageQueue> removed = new HashSet<>(owned);
        removed.removeAll(assigned);
        if (added.isEmpty() && removed.isEmpty()) {
            return;
        }
        Set<MessageQueue> taken = owner.apply(added, removed);
        Set<MessageQueue> now = new HashSet<>(owned);
        now.removeAll(removed);
        now.addAll(taken);
        events.rebalance(group, topic, model.name(), ids, sorted(now), sorted(taken), sorted(removed));
    }

    static List<MessageQueue> readableQueues(String topic, TopicRouteData route) {
        List<MessageQueue> out = new ArrayList<>();
        for (QueueData qd : route.queueDatas()) {
            if (PermName.isReadable(qd.perm())) {
                for (int i = 0; i < qd.readQueueNums(); i++) {
                    out.add(new MessageQueue(qd.brokerName(), i, topic));
                }
            }
        }
        out.sort(Comparator.naturalOrder());
        return out;
    }

    private Optional<List<String>> consumerIds(TopicRouteData route) {
        for (BrokerData b : route.brokerDatas()) {
            String addr = b.masterAddr() != null ? b.masterAddr()
                    : b.brokerAddrs().values().stream().findFirst().orElse(null);
            if (addr == null) {
                continue;
            }
            try {
                return Optional.of(consumerIdsIncludingSelf(addr));
            } catch (ClientException e) {
                LOG.debug("consumer ids of {} from {} failed: {}", group, addr, e.getMessage());
            }
        }
        return Optional.empty();
    }

    /** When the broker has not seen our heartbeat yet (the route was unknown at start), heartbeat and ask again. */
    private List<String> consumerIdsIncludingSelf(String addr) throws ClientException {
        try {
            List<String> ids = client.calls().consumerIds(addr, group);
            if (ids.contains(client.clientId())) {
                return ids;
            }
        } catch (ClientException e) {
            if (e.code() == ClientException.LOCAL) {
                throw e;
            }
        }
        client.sendHeartbeatNow();
        return client.calls().consumerIds(addr, group);
    }

    private static List<MessageQueue> sorted(Set<MessageQueue> qs) {
        return qs.stream().sorted().toList();
    }
}
