package org.relaymq.runtime.broker.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.relaymq.protocol.body.Connection;
import org.relaymq.protocol.body.ProducerConnection;
import org.relaymq.runtime.telemetry.EventSink;

/**
 * Producer groups and their channels (from HEART_BEAT). Used for GET_PRODUCER_CONNECTION_LIST and,
 * later, to pick a channel for CHECK_TRANSACTION_STATE. Writers are serialized on this object.
 */
public final class ProducerManager {

    private final GroupChannelTable channels = new GroupChannelTable();
    private final ClientEvents events;
    private final long expiryMillis;

    public ProducerManager(EventSink events, Duration channelExpiry) {
        this.events = new ClientEvents(events, "producer");
        this.expiryMillis = channelExpiry.toMillis();
    }

    /** Registers or refreshes; true when the channel is new in the group. */
    public synchronized boolean register(String group, ClientChannelInfo info) {
        ClientChannelInfo previous = channels.put(group, info);
        if (info.sameClient(previous)) {
            return false;
        }
        events.connected(group, info);
        return true;
    }

    public synchronized boolean unregister(String group, String channelId) {
        ClientChannelInfo removed = channels.remove(group, channelId);
        if (removed == null) {
            return false;
        }
        events.gone(removed, List.of(group), ClientEvents.REASON_UNREGISTERED, 0);
        return true;
    }

    public synchronized void channelClosed(String channelId) {
        List<GroupChannelTable.Removed> removed = channels.removeChannel(channelId);
        if (!removed.isEmpty()) {
            events.gone(removed.get(0).info(), removed.stream().map(GroupChannelTable.Removed::group).toList(),
                    ClientEvents.REASON_CHANNEL_CLOSED, 0);
        }
    }

    /** Drops channels silent for longer than the expiry and closes them. */
    public List<ClientChannelInfo> scanExpired(long nowMillis) {
        List<ClientChannelInfo> expired = new ArrayList<>();
        synchronized (this) {
            for (GroupChannelTable.Removed r : channels.removeExpired(nowMillis, expiryMillis)) {
                events.gone(r.info(), List.of(r.group()), ClientEvents.REASON_EXPIRED,
                        nowMillis - r.info().lastUpdateMillis());
                expired.add(r.info());
            }
        }
        expired.forEach(info -> info.channel().close());
        return expired;
    }

    public synchronized List<ClientChannelInfo> channels(String group) {
        return channels.channels(group);
    }

    /** GET_PRODUCER_CONNECTION_LIST body, empty when the group has no channel. */
    public synchronized Optional<ProducerConnection> producerConnection(String group) {
        List<ClientChannelInfo> list = channels.channels(group);
        if (list.isEmpty()) {
            return Optional.empty();
        }
        Set<Connection> connections = new LinkedHashSet<>();
        list.forEach(c -> connections.add(c.toConnection()));
        return Optional.of(new ProducerConnection(connections));
    }

    public synchronized Set<String> groups() {
        return channels.groups();
    }
}
