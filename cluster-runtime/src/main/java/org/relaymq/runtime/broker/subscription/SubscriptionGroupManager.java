package org.relaymq.runtime.broker.subscription;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.body.SubscriptionGroupConfig;
import org.relaymq.protocol.body.SubscriptionGroupWrapper;
import org.relaymq.runtime.broker.config.JsonConfigFile;
import org.relaymq.runtime.common.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumer groups' broker-side settings, persisted in {@code config/subscriptionGroup.json} with a
 * {@link DataVersion} bumped on every change. Unknown groups are created with Apache's defaults on
 * first use when {@code autoCreateSubscriptionGroup} is on.
 */
public final class SubscriptionGroupManager {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionGroupManager.class);

    /** Groups Apache's 4.9 brokers always have (tools and internal consumers). */
    static final List<String> BUILT_IN_GROUPS = List.of("TOOLS_CONSUMER", "FILTERSRV_CONSUMER", "SELF_TEST_C_GROUP",
            "CID_ONS-HTTP-PROXY", "CID_ONSAPI_PULL", "CID_ONSAPI_PERMISSION", "CID_ONSAPI_OWNER", "CID_SYS_RMQ_TRANS");

    private final JsonConfigFile file;
    private final TimeSource time;
    private final boolean autoCreate;
    private final Map<String, SubscriptionGroupConfig> table = new TreeMap<>();
    private volatile Map<String, SubscriptionGroupConfig> view = Map.of();
    private volatile DataVersion dataVersion;

    public SubscriptionGroupManager(Path configDir, TimeSource time, boolean autoCreateSubscriptionGroup) {
        this.file = new JsonConfigFile(configDir.resolve("subscriptionGroup.json"));
        this.time = Objects.requireNonNull(time, "time");
        this.autoCreate = autoCreateSubscriptionGroup;
        this.dataVersion = new DataVersion(time.wallMillis(), 0);
    }

    public synchronized SubscriptionGroupManager load() {
        BUILT_IN_GROUPS.forEach(g -> table.put(g, SubscriptionGroupConfig.defaults(g)));
        file.read(SubscriptionGroupWrapper::decode).ifPresent(saved -> {
            table.putAll(saved.subscriptionGroupTable());
            if (saved.dataVersion() != null) {
                dataVersion = saved.dataVersion();
            }
        });
        view = Map.copyOf(table);
        return this;
    }

    public Optional<SubscriptionGroupConfig> find(String group) {
        return Optional.ofNullable(view.get(group));
    }

    /** The group's config; created with the defaults when unknown and auto-creation is on. */
    public Optional<SubscriptionGroupConfig> findOrAutoCreate(String group) {
        Optional<SubscriptionGroupConfig> existing = find(group);
        if (existing.isPresent() || !autoCreate || group == null || group.isBlank()) {
            return existing;
        }
        synchronized (this) {
            SubscriptionGroupConfig current = table.get(group);
            if (current != null) {
                return Optional.of(current);
            }
            SubscriptionGroupConfig created = SubscriptionGroupConfig.defaults(group);
            table.put(group, created);
            commit();
            LOG.info("subscription group {} auto-created", group);
            return Optional.of(created);
        }
    }

    /** Creates or replaces a group's config (UPDATE_AND_CREATE_SUBSCRIPTIONGROUP). */
    public synchronized SubscriptionGroupConfig createOrUpdate(SubscriptionGroupConfig config) {
        if (config.groupName() == null || config.groupName().isBlank()) {
            throw ProtocolException.badRequest("the subscription group name is blank");
        }
        if (!config.equals(table.get(config.groupName()))) {
            table.put(config.groupName(), config);
            commit();
            LOG.info("subscription group {} created/updated: {}", config.groupName(), config);
        }
        return config;
    }

    public synchronized boolean delete(String group) {
        if (table.remove(group) == null) {
            return false;
        }
        commit();
        return true;
    }

    public Map<String, SubscriptionGroupConfig> groups() {
        return view;
    }

    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** GET_ALL_SUBSCRIPTIONGROUP_CONFIG body. */
    public synchronized SubscriptionGroupWrapper wrapper() {
        return new SubscriptionGroupWrapper(dataVersion, view);
    }

    /** Replaces the table with a master's when its version differs (slave sync); true when replaced. */
    public synchronized boolean replaceAll(SubscriptionGroupWrapper master) {
        if (master.dataVersion() != null && master.dataVersion().sameAs(dataVersion)) {
            return false;
        }
        table.clear();
        table.putAll(master.subscriptionGroupTable());
        if (master.dataVersion() != null) {
            dataVersion = master.dataVersion();
        }
        view = Map.copyOf(table);
        persist();
        return true;
    }

    private void commit() {
        dataVersion = dataVersion.next(time.wallMillis());
        view = Map.copyOf(table);
        persist();
    }

    private void persist() {
        file.write(new SubscriptionGroupWrapper(dataVersion, table).encode());
    }
}
