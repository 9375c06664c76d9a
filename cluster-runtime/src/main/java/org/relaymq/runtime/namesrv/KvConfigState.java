package org.relaymq.runtime.namesrv;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The NameServer's KV config (namespace → key → value): PUT/GET/DELETE_KV_CONFIG and
 * GET_KVLIST_BY_NAMESPACE. As in Apache, a namespace stays known after its last key is deleted.
 * Thread-safe; reads return copies.
 */
public final class KvConfigState {

    /** Namespace whose values (topic → "brokerName:queueNums;...") fill TopicRouteData.orderTopicConf. */
    public static final String ORDER_TOPIC_CONFIG = "ORDER_TOPIC_CONFIG";

    private final Map<String, Map<String, String>> table = new TreeMap<>();

    public synchronized void put(String namespace, String key, String value) {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        table.computeIfAbsent(namespace, n -> new TreeMap<>()).put(key, value);
    }

    public synchronized Optional<String> get(String namespace, String key) {
        Map<String, String> ns = table.get(namespace);
        return ns == null ? Optional.empty() : Optional.ofNullable(ns.get(key));
    }

    /** Returns true if the key existed. */
    public synchronized boolean delete(String namespace, String key) {
        Map<String, String> ns = table.get(namespace);
        return ns != null && ns.remove(key) != null;
    }

    /** The namespace's table, or empty if the namespace was never used (GET_KVLIST answers 22 then). */
    public synchronized Optional<Map<String, String>> list(String namespace) {
        Map<String, String> ns = table.get(namespace);
        return ns == null ? Optional.empty() : Optional.of(Map.copyOf(ns));
    }

    /** Everything, e.g. for persisting as kvConfig.json. */
    public synchronized Map<String, Map<String, String>> all() {
        Map<String, Map<String, String>> copy = new TreeMap<>();
        table.forEach((ns, kv) -> copy.put(ns, Map.copyOf(kv)));
        return copy;
    }

    /** Replaces everything, e.g. after loading kvConfig.json at start. */
    public synchronized void load(Map<String, Map<String, String>> loaded) {
        table.clear();
        loaded.forEach((ns, kv) -> table.put(ns, new TreeMap<>(kv)));
    }
}
