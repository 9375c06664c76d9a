package org.relaymq.runtime.client.consumer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.runtime.client.internal.ClientEvents;
import org.relaymq.runtime.client.internal.RouteService;

/**
 * Master or slave for the next pull of a queue (protocol.md §8.4): the broker id last suggested (0 at
 * first), else id+1, else the first address of the route (the slave while the master is missing). Each
 * change of source is a PULL_SOURCE event with the reason.
 */
final class PullSource {

    record Target(String addr, long brokerId) {
        boolean slave() {
            return brokerId != 0;
        }
    }

    private final String group;
    private final RouteService routes;
    private final ClientEvents events;
    private final Map<MessageQueue, Long> suggested = new ConcurrentHashMap<>();
    private final Map<MessageQueue, String> lastAddr = new ConcurrentHashMap<>();

    PullSource(String group, RouteService routes, ClientEvents events) {
        this.group = group;
        this.routes = routes;
        this.events = events;
    }

    void suggest(MessageQueue mq, long brokerId) {
        suggested.put(mq, brokerId);
    }

    void forget(MessageQueue mq) {
        suggested.remove(mq);
        lastAddr.remove(mq);
    }

    /** The address to pull {@code mq} from, or null when its broker is in no route. */
    Target select(MessageQueue mq) {
        Map<Long, String> addrs = routes.brokerAddrs(mq.brokerName());
        long wanted = suggested.getOrDefault(mq, 0L);
        long id = wanted;
        String addr = addrs.get(wanted);
        String why = wanted == 0 ? "master in route" : "broker suggested id " + wanted;
        if (addr == null && wanted != 0) {
            id = wanted + 1;
            addr = addrs.get(id);
            why = "suggested id " + wanted + " absent, using id " + id;
        }
        if (addr == null && !addrs.isEmpty()) {
            Map.Entry<Long, String> first = addrs.entrySet().iterator().next();
            id = first.getKey();
            addr = first.getValue();
            why = (wanted == 0 ? "master missing from route" : "id " + wanted + " missing from route")
                    + ", first address is id " + id;
        }
        if (addr == null) {
            return null;
        }
        if (!addr.equals(lastAddr.put(mq, addr))) {
            events.pullSource(group, mq, addr, id, why);
        }
        return new Target(addr, id);
    }
}
