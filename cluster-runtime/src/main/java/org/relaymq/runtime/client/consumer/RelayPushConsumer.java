package org.relaymq.runtime.client.consumer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.ConsumeType;
import org.relaymq.protocol.body.ConsumerData;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.SubscriptionData;
import org.relaymq.protocol.message.SystemTopics;
import org.relaymq.runtime.client.api.AllocateStrategy;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.MessageListenerConcurrently;
import org.relaymq.runtime.client.api.MessageListenerOrderly;
import org.relaymq.runtime.client.internal.ClientEvents;
import org.relaymq.runtime.client.internal.ConsumerMember;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.Scheduler;

/**
 * A push consumer with the feel of Apache's DefaultMQPushConsumer: subscribe, register a concurrent or
 * orderly listener, start. Clustering (queues shared by the group, offsets on the broker) or broadcasting
 * (every queue, offsets in a local file); long-polling pulls; failed messages sent back for retry.
 */
public final class RelayPushConsumer implements ConsumerMember, AutoCloseable {

    private final String group;
    private final ClientInstance client;
    private final boolean ownsClient;
    private final Map<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private volatile MessageModel model = MessageModel.CLUSTERING;
    private volatile ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private volatile long consumeTimestamp;
    private volatile AllocateStrategy allocate = AllocateStrategy.averagely();
    private volatile int consumeThreads = 20;
    private volatile int pullBatchSize = 32;
    private volatile int consumeMessageBatchMaxSize = 1;
    private volatile int maxReconsumeTimes = SystemTopics.DEFAULT_MAX_RECONSUME_TIMES;
    private volatile Duration lockRenewInterval = Duration.ofSeconds(20);
    private MessageListenerConcurrently concurrentListener;
    private MessageListenerOrderly orderlyListener;
    private PushQueueTable table;
    private OffsetStore offsets;
    private Rebalancer rebalancer;
    private ThreadPoolExecutor consumePool;
    private Scheduler.Cancellable lockRenewal;

    public RelayPushConsumer(String group, ClientInstance client) {
        this(group, client, false);
    }

    /** A consumer with its own client instance (closed with the consumer). */
    public RelayPushConsumer(String group, ClientConfig config) {
        this(group, ClientInstance.create(config), true);
    }

    private RelayPushConsumer(String group, ClientInstance client, boolean ownsClient) {
        this.group = group;
        this.client = client;
        this.ownsClient = ownsClient;
        this.consumeTimestamp = client.time().wallMillis() - Duration.ofMinutes(30).toMillis();
    }

    /** Subscribes {@code topic} with a tag expression ({@code *} or {@code TagA || TagB}). */
    public RelayPushConsumer subscribe(String topic, String expression) {
        subscriptions.put(topic, SubscriptionData.of(topic, expression, client.time().wallMillis()));
        return this;
    }

    public RelayPushConsumer messageModel(MessageModel m) {
        this.model = m;
        return this;
    }

    public RelayPushConsumer consumeFromWhere(ConsumeFromWhere where) {
        this.consumeFromWhere = where;
        return this;
    }

    /** For CONSUME_FROM_TIMESTAMP (default: 30 minutes before creation). */
    public RelayPushConsumer consumeTimestamp(long wallMillis) {
        this.consumeTimestamp = wallMillis;
        return this;
    }

    public RelayPushConsumer allocateStrategy(AllocateStrategy s) {
        this.allocate = s;
        return this;
    }

    public RelayPushConsumer consumeThreads(int n) {
        this.consumeThreads = n;
        return this;
    }

    public RelayPushConsumer pullBatchSize(int n) {
        this.pullBatchSize = n;
        return this;
    }

    public RelayPushConsumer consumeMessageBatchMaxSize(int n) {
        this.consumeMessageBatchMaxSize = n;
        return this;
    }

    public RelayPushConsumer maxReconsumeTimes(int n) {
        this.maxReconsumeTimes = n;
        return this;
    }

    /** Orderly: how often the broker locks are renewed (Apache: 20 s). */
    public RelayPushConsumer lockRenewInterval(Duration d) {
        this.lockRenewInterval = d;
        return this;
    }

    public RelayPushConsumer registerMessageListener(MessageListenerConcurrently listener) {
        this.concurrentListener = listener;
        this.orderlyListener = null;
        return this;
    }

    /** Named apart from the concurrent variant so both take lambdas. */
    public RelayPushConsumer registerMessageListenerOrderly(MessageListenerOrderly listener) {
        this.orderlyListener = listener;
        this.concurrentListener = null;
        return this;
    }

    public ClientInstance client() {
        return client;
    }

    public synchronized RelayPushConsumer start() {
        if (table != null) {
            return this;
        }
        if (concurrentListener == null && orderlyListener == null) {
            throw new IllegalStateException("register a message listener before start()");
        }
        boolean clustering = model == MessageModel.CLUSTERING;
        if (clustering) {
            subscribe(SystemTopics.retryTopic(group), SubscriptionData.SUB_ALL);
        }
        offsets = clustering ? new RemoteOffsetStore(group, client.calls(), client.routes())
                : new LocalFileOffsetStore(offsetDir(), client.clientId(), group);
        consumePool = Executors2.fixedBounded("relaymq-consume-" + group, consumeThreads, 1_000_000);
        table = new PushQueueTable(group, client, offsets, clustering && orderlyListener != null, consumeFromWhere,
                consumeTimestamp);
        RetrySender retry = new RetrySender(group, client, maxReconsumeTimes);
        ConsumeService consume = orderlyListener != null
                ? new OrderlyConsumeService(orderlyListener, consumePool, offsets, clustering, retry,
                        client.scheduler(), client.time(), maxReconsumeTimes)
                : new ConcurrentConsumeService(concurrentListener, consumePool, offsets, model, retry,
                        client.scheduler(), consumeMessageBatchMaxSize);
        PullSource source = new PullSource(group, client.routes(), new ClientEvents(client.events()));
        PullDriver driver = new PullDriver(group, client, source, new PullDriver.Settings(pullBatchSize, 15_000,
                30_000, false, clustering), subscriptions::get, offsets, table);
        table.wire(driver, source, consume);
        rebalancer = new Rebalancer(group, model, allocate, client);
        client.registerConsumer(this);
        client.start();
        subscriptions.keySet().forEach(client.routes()::fetch);
        client.sendHeartbeatNow();
        if (clustering && orderlyListener != null) {
            lockRenewal = client.scheduler().scheduleWithFixedDelay(() -> client.worker().execute(table::renewLocks),
                    lockRenewInterval, lockRenewInterval);
        }
        client.rebalanceNow();
        return this;
    }

    private Path offsetDir() {
        Path dir = client.config().localOffsetDir();
        return dir != null ? dir : Path.of(System.getProperty("user.home"), ".relaymq_offsets");
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public ConsumerData consumerData() {
        return new ConsumerData(consumeFromWhere, ConsumeType.CONSUME_PASSIVELY, group, model,
                Set.copyOf(subscriptions.values()), false);
    }

    @Override
    public Set<String> topicsInUse() {
        return Set.copyOf(subscriptions.keySet());
    }

    @Override
    public void rebalance() {
        PushQueueTable t = table;
        if (t != null) {
            subscriptions.keySet().forEach(topic -> rebalancer.rebalance(topic, t));
        }
    }

    @Override
    public void persistOffsets() {
        PushQueueTable t = table;
        if (t != null) {
            offsets.persist(t.all(), false);
        }
    }

    /** Queues this consumer owns now. */
    public Set<org.relaymq.protocol.body.MessageQueue> assignedQueues() {
        PushQueueTable t = table;
        return t == null ? Set.of() : t.all();
    }

    /** Stops pulling, persists every offset, unlocks (orderly), unregisters; idempotent. */
    public synchronized void shutdown() {
        if (table == null) {
            return;
        }
        if (lockRenewal != null) {
            lockRenewal.cancel();
        }
        table.releaseAll();
        client.unregisterConsumer(group);
        Executors2.shutdownAndAwait(consumePool, Duration.ofSeconds(3));
        table = null;
        if (ownsClient) {
            client.close();
        }
    }

    @Override
    public void close() {
        shutdown();
    }
}
