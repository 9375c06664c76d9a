package org.relaymq.runtime.broker.client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * group → channel id → {@link ClientChannelInfo}. Not thread-safe: its owner ({@link ConsumerManager},
 * {@link ProducerManager}) serializes access. A group without channels is removed.
 */
final class GroupChannelTable {

    /** A channel dropped from one group. */
    record Removed(String group, ClientChannelInfo info) {
    }

    private final Map<String, Map<String, ClientChannelInfo>> groups = new TreeMap<>();

    /** Adds or refreshes; returns the previous entry of that channel in that group (null if new). */
    ClientChannelInfo put(String group, ClientChannelInfo info) {
        return groups.computeIfAbsent(group, g -> new LinkedHashMap<>()).put(info.channelId(), info);
    }

    /** Removes one channel from one group; null when it was not there. */
    ClientChannelInfo remove(String group, String channelId) {
        Map<String, ClientChannelInfo> channels = groups.get(group);
        if (channels == null) {
            return null;
        }
        ClientChannelInfo removed = channels.remove(channelId);
        if (channels.isEmpty()) {
            groups.remove(group);
        }
        return removed;
    }

    /** Removes a channel from every group it is in. */
    List<Removed> removeChannel(String channelId) {
        List<Removed> removed = new ArrayList<>();
        for (String group : List.copyOf(groups.keySet())) {
            ClientChannelInfo info = remove(group, channelId);
            if (info != null) {
                removed.add(new Removed(group, info));
            }
        }
        return removed;
    }

    /** Removes every entry not refreshed for more than {@code expiryMillis} before {@code nowMillis}. */
    List<Removed> removeExpired(long nowMillis, long expiryMillis) {
        List<Removed> removed = new ArrayList<>();
        for (String group : List.copyOf(groups.keySet())) {
            for (ClientChannelInfo info : List.copyOf(groups.get(group).values())) {
                if (nowMillis - info.lastUpdateMillis() > expiryMillis) {
                    remove(group, info.channelId());
                    removed.add(new Removed(group, info));
                }
            }
        }
        return removed;
    }

    List<ClientChannelInfo> channels(String group) {
        Map<String, ClientChannelInfo> channels = groups.get(group);
        return channels == null ? List.of() : List.copyOf(channels.values());
    }

    boolean contains(String group) {
        return groups.containsKey(group);
    }

    Set<String> groups() {
        return Set.copyOf(groups.keySet());
    }
}
