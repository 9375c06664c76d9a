package org.relaymq.runtime.broker.topic;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.protocol.body.TopicConfigSerializeWrapper;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.config.JsonConfigFile;
import org.relaymq.runtime.common.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's topic table: built-in topics, topics created by admins, by sends (from a template topic
 * with PERM_INHERIT) and for consumer groups (retry / DLQ). Every change bumps the {@link DataVersion},
 * is written to {@code config/topics.json} and then told to the listeners (outside the lock).
 * Writers are serialized on this object; readers get immutable copies.
 */
public final class TopicConfigManager {

    private static final Logger LOG = LoggerFactory.getLogger(TopicConfigManager.class);

    private final BrokerConfig config;
    private final TimeSource time;
    private final JsonConfigFile file;
    private final List<TopicConfigListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, TopicConfig> table = new TreeMap<>();
    private volatile Map<String, TopicConfig> view = Map.of();
    private volatile DataVersion dataVersion;
    private volatile int brokerPermission;

    public TopicConfigManager(BrokerConfig config, TimeSource time) {
        this.config = Objects.requireNonNull(config, "config");
        this.time = Objects.requireNonNull(time, "time");
        this.file = new JsonConfigFile(config.configDir().resolve("topics.json"));
        this.dataVersion = new DataVersion(time.wallMillis(), 0);
        this.brokerPermission = config.brokerPermission();
    }

    /** Adds the built-in topics, then what {@code topics.json} holds (its entries and version win). */
    public synchronized TopicConfigManager load() {
        BuiltInTopics.of(config).forEach(t -> table.put(t.topicName(), t));
        file.read(TopicConfigSerializeWrapper::decode).ifPresent(saved -> {
            table.putAll(saved.topicConfigTable());
            if (saved.dataVersion() != null) {
                dataVersion = saved.dataVersion();
            }
        });
        publishView();
        LOG.info("{} topics loaded from {} (data version {})", table.size(), file.path(), dataVersion);
        return this;
    }

    public void addListener(TopicConfigListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public Optional<TopicConfig> find(String topic) {
        return Optional.ofNullable(view.get(topic));
    }

    /** Every topic, by name. */
    public Map<String, TopicConfig> topics() {
        return view;
    }

    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** The permission the broker announces (6 normally; without WRITE after a wipe). */
    public int brokerPermission() {
        return brokerPermission;
    }

    /** Changes the broker permission; registrations from now on carry it, so listeners are told. */
    public void brokerPermission(int perm) {
        synchronized (this) {
            if (perm == brokerPermission) {
                return;
            }
            brokerPermission = perm;
            commit();
        }
        fireChanged();
    }

    /** Creates or replaces {@code topicConfig} (admin UPDATE_AND_CREATE_TOPIC). Validates the name. */
    public TopicConfig createOrUpdate(TopicConfig topicConfig) {
        TopicNames.validate(topicConfig.topicName());
        requireQueues(topicConfig);
        synchronized (this) {
            if (topicConfig.equals(table.get(topicConfig.topicName()))) {
                return topicConfig;
            }
            table.put(topicConfig.topicName(), topicConfig);
            commit();
        }
        LOG.info("topic {} created/updated: {}", topicConfig.topicName(), topicConfig);
        fireChanged();
        return topicConfig;
    }

    /** Removes a topic; false when it did not exist. */
    public boolean delete(String topic) {
        synchronized (this) {
            if (table.remove(topic) == null) {
                return false;
            }
            commit();
        }
        LOG.info("topic {} deleted", topic);
        fireChanged();
        return true;
    }

    /**
     * The topic a producer sends to, created from {@code defaultTopic} when it does not exist yet and the
     * template carries PERM_INHERIT: queues = min(requested, template write queues), perm = the template's
     * without INHERIT. Empty when the topic neither exists nor may be created.
     */
    public Optional<TopicConfig> findOrCreateForSend(String topic, String defaultTopic, int requestedQueueNums,
                                                     int topicSysFlag) {
        Optional<TopicConfig> existing = find(topic);
        if (existing.isPresent()) {
            return existing;
        }
        if (TopicNames.problem(topic) != null) {
            return Optional.empty();
        }
        TopicConfig created;
        synchronized (this) {
            if (table.containsKey(topic)) {
                return Optional.of(table.get(topic));
            }
            created = fromTemplate(topic, table.get(defaultTopic), requestedQueueNums, topicSysFlag);
            if (created == null) {
                LOG.info("not creating topic {}: template {} missing or not inheritable", topic, defaultTopic);
                return Optional.empty();
            }
            table.put(topic, created);
            commit();
        }
        LOG.info("topic {} auto-created from {}: {}", topic, defaultTopic, created);
        fireChanged();
        return Optional.of(created);
    }

    private TopicConfig fromTemplate(String topic, TopicConfig template, int requested, int sysFlag) {
        if (template == null) {
            return null;
        }
        int perm = template.perm();
        if (TopicNames.AUTO_CREATE_TOPIC.equals(template.topicName()) && !config.autoCreateTopicEnable()) {
            perm = PermName.READ_WRITE;
        }
        if (!PermName.isInherited(perm)) {
            return null;
        }
        int queues = Math.max(0, Math.min(requested, template.writeQueueNums()));
        return new TopicConfig(topic, queues, queues, perm & ~PermName.PERM_INHERIT, template.topicFilterType(),
                sysFlag, false);
    }

    /** {@code %RETRY%<group>} with {@code queueNums} queues (perm 6), created when missing. */
    public TopicConfig ensureRetryTopic(String group, int queueNums) {
        return ensureTopic(SystemTopics.retryTopic(group), queueNums, SystemTopics.RETRY_DLQ_PERM, 0);
    }

    /** {@code %DLQ%<group>} with one queue (perm 6), created when missing. */
    public TopicConfig ensureDlqTopic(String group) {
        return ensureTopic(SystemTopics.dlqTopic(group), SystemTopics.RETRY_DLQ_QUEUE_NUMS,
                SystemTopics.RETRY_DLQ_PERM, 0);
    }

    /** The topic if it exists, else a new one with these settings (what consumer send-back does). */
    public TopicConfig ensureTopic(String topic, int queueNums, int perm, int topicSysFlag) {
        TopicNames.validate(topic);
        TopicConfig created;
        synchronized (this) {
            TopicConfig existing = table.get(topic);
            if (existing != null) {
                return existing;
            }
            created = new TopicConfig(topic, queueNums, queueNums, perm, null, topicSysFlag, false);
            table.put(topic, created);
            commit();
        }
        LOG.info("topic {} created: {}", topic, created);
        fireChanged();
        return created;
    }

    /** The table as stored (GET_ALL_TOPIC_CONFIG, slave sync). */
    public TopicConfigSerializeWrapper wrapper() {
        synchronized (this) {
            return new TopicConfigSerializeWrapper(view, dataVersion);
        }
    }

    /** The table as registered: when the broker is not read+write, every topic carries the broker perm. */
    public TopicConfigSerializeWrapper snapshot() {
        TopicConfigSerializeWrapper stored = wrapper();
        int perm = brokerPermission;
        if (PermName.isReadable(perm) && PermName.isWritable(perm)) {
            return stored;
        }
        Map<String, TopicConfig> adjusted = new LinkedHashMap<>();
        stored.topicConfigTable().forEach((name, t) -> adjusted.put(name, t.withPerm(perm)));
        return new TopicConfigSerializeWrapper(adjusted, stored.dataVersion());
    }

    /**
     * Replaces the table with a master's (slave metadata sync) when its version differs from ours.
     * Returns true when the table was replaced.
     */
    public boolean replaceAll(TopicConfigSerializeWrapper master) {
        synchronized (this) {
            if (master.dataVersion() != null && master.dataVersion().sameAs(dataVersion)) {
                return false;
            }
            table.clear();
            table.putAll(master.topicConfigTable());
            if (master.dataVersion() != null) {
                dataVersion = master.dataVersion();
            }
            publishView();
            persist();
        }
        fireChanged();
        return true;
    }

    private static void requireQueues(TopicConfig t) {
        if (t.readQueueNums() < 0 || t.writeQueueNums() < 0 || t.readQueueNums() > 65535
                || t.writeQueueNums() > 65535) {
            throw ProtocolException.badRequest("queue numbers of topic " + t.topicName() + " out of range: read "
                    + t.readQueueNums() + ", write " + t.writeQueueNums());
        }
    }

    private void commit() {
        dataVersion = dataVersion.next(time.wallMillis());
        publishView();
        persist();
    }

    private void publishView() {
        view = Map.copyOf(table);
    }

    private void persist() {
        file.write(new TopicConfigSerializeWrapper(table, dataVersion).encode());
    }

    private void fireChanged() {
        for (TopicConfigListener l : listeners) {
            try {
                l.topicsChanged();
            } catch (RuntimeException e) {
                LOG.warn("topic change listener failed", e);
            }
        }
    }
}
