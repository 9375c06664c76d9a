package org.relaymq.runtime.broker.messaging;

import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.function.Supplier;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.message.DelayLevels;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.BrokerRole;
import org.relaymq.runtime.broker.client.ConsumerManager;
import org.relaymq.runtime.broker.offset.ConsumerOffsetManager;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.broker.subscription.SubscriptionGroupManager;
import org.relaymq.runtime.broker.topic.TopicConfigManager;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * What the message handlers share: the broker's settings, the store and the broker-core managers.
 * Built once by the broker's composition root.
 *
 * @param storeHost     the broker's advertised address {@code brokerIP1:listenPort} (the bound port when the
 *                      configured one is 0); written into every stored record and its offset message id
 * @param role          the broker's current role (a slave refuses sends and never commits pull offsets)
 * @param topicsCreated run after a send or send-back created a topic, or a topic was deleted, so the broker
 *                      re-registers at once. Pass a no-op when a {@code TopicConfigListener} already does it
 */
public record MessagingContext(BrokerConfig broker, MessagingConfig config, MessageStore store,
                               TopicConfigManager topics, SubscriptionGroupManager groups,
                               ConsumerManager consumers, ConsumerOffsetManager offsets, DelayLevels delayLevels,
                               Supplier<InetSocketAddress> storeHost, Supplier<BrokerRole> role, TimeSource time,
                               Runnable topicsCreated) {

    public MessagingContext {
        Objects.requireNonNull(broker, "broker");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(topics, "topics");
        Objects.requireNonNull(groups, "groups");
        Objects.requireNonNull(consumers, "consumers");
        Objects.requireNonNull(offsets, "offsets");
        Objects.requireNonNull(delayLevels, "delayLevels");
        Objects.requireNonNull(storeHost, "storeHost");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(time, "time");
        topicsCreated = topicsCreated == null ? () -> { } : topicsCreated;
    }

    public boolean isSlave() {
        return role.get() == BrokerRole.SLAVE;
    }

    public boolean brokerWritable() {
        return PermName.isWritable(topics.brokerPermission());
    }

    public boolean brokerReadable() {
        return PermName.isReadable(topics.brokerPermission());
    }

    /** The store host of new records (resolved each time: the port may be known only after binding). */
    public InetSocketAddress currentStoreHost() {
        return storeHost.get();
    }
}
