package org.relaymq.runtime.broker.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.ConsumeType;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.SubscriptionData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.header.NotifyConsumerIdsChangedRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.telemetry.EventSink;

/**
 * Consumer groups: their channels (from HEART_BEAT) and subscriptions. When a group's channel set or
 * subscribed topics change, every channel of the group gets NOTIFY_CONSUMER_IDS_CHANGED (40) oneway,
 * unless the group's config disables it. Writers are serialized on this object; notifications are sent
 * after the lock is released. Time is passed in (monotonic millis).
 */
public final class ConsumerManager {

    /** One group's settings and subscriptions (the channels live in the shared table). */
    private static final class GroupState {
        ConsumeType consumeType;
        MessageModel messageModel;
        ConsumeFromWhere consumeFromWhere;
        final Map<String, SubscriptionData> subscriptions = new LinkedHashMap<>();
    }

    private record Notice(String group, List<ClientChannelInfo> channels) {
    }

    private final GroupChannelTable channels = new GroupChannelTable();
    private final Map<String, GroupState> states = new HashMap<>();
    private final ClientEvents events;
    private final long expiryMillis;
    private final Predicate<String> notifyEnabled;

    /**
     * @param notifyEnabled whether a group wants NOTIFY_CONSUMER_IDS_CHANGED (its
     *                      {@code notifyConsumerIdsChangedEnable})
     */
    public ConsumerManager(EventSink events, Duration channelExpiry, Predicate<String> notifyEnabled) {
        this.events = new ClientEvents(events, "consumer");
        this.expiryMillis = channelExpiry.toMillis();
        this.notifyEnabled = Objects.requireNonNull(notifyEnabled, "notifyEnabled");
    }

    /**
     * Registers or refreshes one consumer of {@code group} (HEART_BEAT). Returns true when the group's
     * channel set or subscribed topics changed (and the group was notified).
     */
    public boolean register(String group, ClientChannelInfo info, ConsumeType consumeType, MessageModel model,
                            ConsumeFromWhere from, Set<SubscriptionData> subscriptions) {
        Notice notice;
        synchronized (this) {
            GroupState state = states.computeIfAbsent(group, g -> new GroupState());
            state.consumeType = consumeType;
            state.messageModel = model;
            state.consumeFromWhere = from;
            ClientChannelInfo previous = channels.put(group, info);
            boolean channelChanged = !info.sameClient(previous);
            if (channelChanged) {
                events.connected(group, info);
            }
            boolean subsChanged = updateSubscriptions(state, subscriptions);
            notice = channelChanged || subsChanged ? new Notice(group, channels.channels(group)) : null;
        }
        send(notice == null ? List.of() : List.of(notice));
        return notice != null;
    }

    /** Topics added or removed count as a change; a newer subVersion replaces silently (as Apache does). */
    private static boolean updateSubscriptions(GroupState state, Set<SubscriptionData> incoming) {
        boolean changed = false;
        Set<String> topics = new TreeSet<>();
        for (SubscriptionData sub : incoming) {
            topics.add(sub.topic());
            SubscriptionData old = state.subscriptions.get(sub.topic());
            if (old == null) {
                state.subscriptions.put(sub.topic(), sub);
                changed = true;
            } else if (sub.subVersion() > old.subVersion()) {
                state.subscriptions.put(sub.topic(), sub);
            }
        }
        if (state.subscriptions.keySet().retainAll(topics)) {
            changed = true;
        }
        return changed;
    }

    /** UNREGISTER_CLIENT for one group; true when the channel was registered there. */
    public boolean unregister(String group, String channelId) {
        List<Notice> notices = new ArrayList<>();
        synchronized (this) {
            ClientChannelInfo removed = channels.remove(group, channelId);
            if (removed == null) {
                return false;
            }
            events.gone(removed, List.of(group), ClientEvents.REASON_UNREGISTERED, 0);
            afterRemoval(group, notices);
        }
        send(notices);
        return true;
    }

    /** The connection closed: drop it from every group at once. */
    public void channelClosed(String channelId) {
        List<Notice> notices = new ArrayList<>();
        synchronized (this) {
            List<GroupChannelTable.Removed> removed = channels.removeChannel(channelId);
            if (removed.isEmpty()) {
                return;
            }
            List<String> groups = removed.stream().map(GroupChannelTable.Removed::group).toList();
            events.gone(removed.get(0).info(), groups, ClientEvents.REASON_CHANNEL_CLOSED, 0);
            groups.forEach(g -> afterRemoval(g, notices));
        }
        send(notices);
    }

    /** Drops channels silent for longer than the expiry and closes them; returns what was dropped. */
    public List<ClientChannelInfo> scanExpired(long nowMillis) {
        List<Notice> notices = new ArrayList<>();
        List<ClientChannelInfo> expired = new ArrayList<>();
        synchronized (this) {
            for (GroupChannelTable.Removed r : channels.removeExpired(nowMillis, expiryMillis)) {
                events.gone(r.info(), List.of(r.group()), ClientEvents.REASON_EXPIRED,
                        nowMillis - r.info().lastUpdateMillis());
                expired.add(r.info());
                afterRemoval(r.group(), notices);
            }
        }
        expired.forEach(info -> info.channel().close());
        send(notices);
        return expired;
    }

    private void afterRemoval(String group, List<Notice> notices) {
        if (!channels.contains(group)) {
            states.remove(group);
            return;
        }
        notices.removeIf(n -> n.group().equals(group));
        notices.add(new Notice(group, channels.channels(group)));
    }

    private void send(List<Notice> notices) {
        for (Notice n : notices) {
            if (!notifyEnabled.test(n.group())) {
                continue;
            }
            RemotingCommand notify = RemotingCommand.request(RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
                    new NotifyConsumerIdsChangedRequestHeader(n.group()).toExt());
            n.channels().forEach(c -> c.channel().sendOneway(notify));
        }
    }

    public synchronized Optional<ConsumerGroupSnapshot> group(String group) {
        GroupState state = states.get(group);
        if (state == null || !channels.contains(group)) {
            return Optional.empty();
        }
        return Optional.of(new ConsumerGroupSnapshot(group, channels.channels(group), state.subscriptions,
                state.consumeType, state.messageModel, state.consumeFromWhere));
    }

    /** Client ids of the group's consumers (empty when the group is unknown). */
    public List<String> clientIds(String group) {
        return group(group).map(ConsumerGroupSnapshot::clientIds).orElse(List.of());
    }

    /** The group's subscription of {@code topic}, as the last heartbeat gave it. */
    public synchronized Optional<SubscriptionData> subscription(String group, String topic) {
        GroupState state = states.get(group);
        return state == null ? Optional.empty() : Optional.ofNullable(state.subscriptions.get(topic));
    }

    public synchronized Set<String> groups() {
        return channels.groups();
    }
}
