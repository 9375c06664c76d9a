package org.relaymq.runtime.client.consumer;

import java.util.Collection;
import java.util.Map;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.internal.BrokerCalls;
import org.relaymq.runtime.client.internal.RouteService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Clustering offsets, kept by the broker: 14 to read, 15 to write — to the master, else any address. */
final class RemoteOffsetStore extends OffsetStore {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteOffsetStore.class);

    private final String group;
    private final BrokerCalls calls;
    private final RouteService routes;

    RemoteOffsetStore(String group, BrokerCalls calls, RouteService routes) {
        this.group = group;
        this.calls = calls;
        this.routes = routes;
    }

    @Override
    long readStored(MessageQueue mq) throws ClientException {
        return calls.queryConsumerOffset(addr(mq), group, mq);
    }

    @Override
    void persist(Collection<MessageQueue> owned, boolean sync) {
        for (MessageQueue mq : owned) {
            Long offset = table.get(mq);
            if (offset == null || offset < 0) {
                continue;
            }
            try {
                if (sync) {
                    calls.updateConsumerOffset(addr(mq), group, mq, offset);
                } else {
                    calls.updateConsumerOffsetOneway(addr(mq), group, mq, offset);
                }
            } catch (ClientException e) {
                LOG.debug("persisting offset {} of {} failed: {}", offset, mq, e.getMessage());
            }
        }
    }

    private String addr(MessageQueue mq) throws ClientException {
        Map<Long, String> addrs = routes.brokerAddrs(mq.brokerName());
        if (addrs.isEmpty()) {
            routes.fetch(mq.topic());
            addrs = routes.brokerAddrs(mq.brokerName());
        }
        String master = addrs.get(0L);
        if (master != null) {
            return master;
        }
        return addrs.values().stream().findFirst().orElseThrow(() -> new ClientException(ClientException.LOCAL,
                "broker " + mq.brokerName() + " is in no route"));
    }
}
