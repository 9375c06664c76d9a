package org.relaymq.runtime.client.consumer;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.ConsumeType;
import org.relaymq.protocol.body.ConsumerData;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.SubscriptionData;
import org.relaymq.runtime.client.api.AllocateStrategy;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.ReceivedMessage;
import org.relaymq.runtime.client.internal.ClientEvents;
import org.relaymq.runtime.client.internal.ConsumerMember;
import org.relaymq.runtime.common.time.Scheduler;

/**
 * A pull consumer with the feel of Apache's DefaultLitePullConsumer (protocol.md §10.4): either
 * {@link #subscribe} (queues shared by the group through rebalance) or {@link #assign} (exactly the given
 * queues), then {@link #poll} batches filled in the background by long-polling pulls (sysFlag 0x16, the
 * subscription in every pull, suspend 20 s, 10 messages). Offsets: {@link #commitSync()} or auto-commit
 * every 5 s; {@link #seek} moves a queue's position.
 */
public final class RelayLitePullConsumer implements ConsumerMember, AutoCloseable {

    private final String group;
    private final ClientInstance client;
    private final boolean ownsClient;
    private final Map<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private final Set<MessageQueue> assigned = ConcurrentHashMap.newKeySet();
    private volatile boolean assignMode;
    private volatile ConsumeFromWhere consumeFromWhere = ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
    private volatile long consumeTimestamp;
    private volatile AllocateStrategy allocate = AllocateStrategy.averagely();
    private volatile int pullBatchSize = 10;
    private volatile boolean autoCommit = true;
    private volatile Duration autoCommitInterval = Duration.ofSeconds(5);
    private volatile Duration pollTimeout = Duration.ofSeconds(5);
    private LiteQueueTable table;
    private OffsetStore offsets;
    private Rebalancer rebalancer;
    private Scheduler.Cancellable autoCommitTimer;

    public RelayLitePullConsumer(String group, ClientInstance client) {
        this(group, client, false);
    }

    /** A consumer with its own client instance (closed with the consumer). */
    public RelayLitePullConsumer(String group, ClientConfig config) {
        this(group, ClientInstance.create(config), true);
    }

    private RelayLitePullConsumer(String group, ClientInstance client, boolean ownsClient) {
        this.group = group;
        this.client = client;
        this.ownsClient = ownsClient;
        this.consumeTimestamp = client.time().wallMillis() - Duration.ofMinutes(30).toMillis();
    }

    /** Subscribe mode: the group's consumers share the queues of {@code topic}. */
    public synchronized RelayLitePullConsumer subscribe(String topic, String expression) {
        if (assignMode) {
            throw new IllegalStateException("assign() was used: subscribe and assign do not mix");
        }
        subscriptions.put(topic, SubscriptionData.of(topic, expression, client.time().wallMillis()));
        if (table != null) {
            client.routes().fetch(topic);
            client.sendHeartbeatNow();
            client.rebalanceNow();
        }
        return this;
    }

    /** Assign mode: pull exactly {@code queues} (no rebalance); replaces a previous assignment. */
    public synchronized RelayLitePullConsumer assign(Collection<MessageQueue> queues) {
        if (!subscriptions.isEmpty() && !assignMode) {
            throw new IllegalStateException("subscribe() was used: subscribe and assign do not mix");
        }
        assignMode = true;
        assigned.clear();
        assigned.addAll(queues);
        queues.forEach(q -> subscriptions.putIfAbsent(q.topic(), SubscriptionData.of(q.topic(),
                SubscriptionData.SUB_ALL, 0)));
        if (table != null) {
            applyAssignment();
        }
        return this;
    }

    public RelayLitePullConsumer consumeFromWhere(ConsumeFromWhere where) {
        this.consumeFromWhere = where;
        return this;
    }

    /** For CONSUME_FROM_TIMESTAMP (default: 30 minutes before creation). */
    public RelayLitePullConsumer consumeTimestamp(long wallMillis) {
        this.consumeTimestamp = wallMillis;
        return this;
    }

    public RelayLitePullConsumer allocateStrategy(AllocateStrategy s) {
        this.allocate = s;
        return this;
    }

    /** Messages per pull ({@code maxMsgNums}, Apache: 10). */
    public RelayLitePullConsumer pullBatchSize(int n) {
        this.pullBatchSize = n;
        return this;
    }

    public RelayLitePullConsumer autoCommit(boolean on) {
        this.autoCommit = on;
        return this;
    }

    public RelayLitePullConsumer autoCommitInterval(Duration d) {
        this.autoCommitInterval = d;
        return this;
    }

    /** What {@link #poll()} waits at most (Apache: 5 s). */
    public RelayLitePullConsumer pollTimeout(Duration d) {
        this.pollTimeout = d;
        return this;
    }

    public ClientInstance client() {
        return client;
    }

    public synchronized RelayLitePullConsumer start() {
        if (table != null) {
            return this;
        }
        offsets = new RemoteOffsetStore(group, client.calls(), client.routes());
        table = new LiteQueueTable(group, client, offsets, consumeFromWhere, consumeTimestamp, autoCommit);
        PullSource source = new PullSource(group, client.routes(), new ClientEvents(client.events()));
        PullDriver driver = new PullDriver(group, client, source, new PullDriver.Settings(pullBatchSize, 20_000,
                30_000, true, false), subscriptions::get, offsets, table);
        table.wire(driver, source);
        rebalancer = new Rebalancer(group, MessageModel.CLUSTERING, allocate, client);
        client.registerConsumer(this);
        client.start();
        subscriptions.keySet().forEach(client.routes()::fetch);
        client.sendHeartbeatNow();
        if (autoCommit) {
            autoCommitTimer = client.scheduler().scheduleWithFixedDelay(() -> client.worker().execute(
                    this::commitAsync), autoCommitInterval, autoCommitInterval);
        }
        if (assignMode) {
            applyAssignment();
        } else {
            client.rebalanceNow();
        }
        return this;
    }

    private void applyAssignment() {
        LiteQueueTable t = table;
        Set<MessageQueue> owned = t.all();
        Set<MessageQueue> added = new HashSet<>(assigned);
        added.removeAll(owned);
        Set<MessageQueue> removed = new HashSet<>(owned);
        removed.removeAll(assigned);
        t.apply(added, removed);
    }

    /** The next batch (at most {@code pullBatchSize} messages of one queue), waiting up to the poll timeout. */
    public List<ReceivedMessage> poll() throws InterruptedException {
        return poll(pollTimeout);
    }

    /** The next batch, waiting at most {@code timeout}; empty when nothing arrived. */
    public List<ReceivedMessage> poll(Duration timeout) throws InterruptedException {
        return started().poll(timeout);
    }

    /** Moves {@code mq}'s position (must be owned): the next poll of it starts at {@code offset}. */
    public void seek(MessageQueue mq, long offset) throws ClientException {
        LiteQueueTable t = started();
        if (!t.all().contains(mq)) {
            throw new IllegalStateException(mq + " is not assigned to this consumer");
        }
        String master = master(mq);
        long min = client.calls().minOffset(master, mq);
        long max = client.calls().maxOffset(master, mq);
        if (offset < min || offset > max) {
            throw new IllegalArgumentException("offset " + offset + " of " + mq + " outside [" + min + ", " + max
                    + "]");
        }
        t.start(mq, offset);
    }

    public void seekToBegin(MessageQueue mq) throws ClientException {
        seek(mq, client.calls().minOffset(master(mq), mq));
    }

    public void seekToEnd(MessageQueue mq) throws ClientException {
        seek(mq, client.calls().maxOffset(master(mq), mq));
    }

    private String master(MessageQueue mq) throws ClientException {
        String addr = client.routes().masterAddr(mq.brokerName());
        if (addr == null) {
            throw new ClientException(ClientException.LOCAL, "no master address for " + mq.brokerName());
        }
        return addr;
    }

    /** Commits the position of every owned queue and waits for the brokers to store it. */
    public void commitSync() {
        LiteQueueTable t = started();
        t.commit(t.all(), true);
    }

    private void commitAsync() {
        LiteQueueTable t = table;
        if (t != null) {
            t.commit(t.all(), false);
        }
    }

    /** The offset the broker holds for {@code mq} and this group, or -1 when it has none. */
    public long committed(MessageQueue mq) throws ClientException {
        started();
        return offsets.readStored(mq);
    }

    /** One past the last message of {@code mq} handed out by {@link #poll}; -1 for a queue not owned. */
    public long position(MessageQueue mq) {
        return started().consumedPosition(mq);
    }

    /** Stops pulling {@code queues} until {@link #resume}; what is already buffered is still polled. */
    public void pause(Collection<MessageQueue> queues) {
        started().pause(Set.copyOf(queues));
    }

    public void resume(Collection<MessageQueue> queues) {
        started().resume(Set.copyOf(queues));
    }

    public boolean isPaused(MessageQueue mq) {
        return started().isPaused(mq);
    }

    /** Queues this consumer pulls now. */
    public Set<MessageQueue> assignment() {
        LiteQueueTable t = table;
        return t == null ? Set.of() : t.all();
    }

    private LiteQueueTable started() {
        LiteQueueTable t = table;
        if (t == null) {
            throw new IllegalStateException("consumer " + group + " is not started");
        }
        return t;
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public ConsumerData consumerData() {
        return new ConsumerData(consumeFromWhere, ConsumeType.CONSUME_ACTIVELY, group, MessageModel.CLUSTERING,
                Set.copyOf(subscriptions.values()), false);
    }

    @Override
    public Set<String> topicsInUse() {
        return Set.copyOf(subscriptions.keySet());
    }

    @Override
    public void rebalance() {
        LiteQueueTable t = table;
        if (t != null && !assignMode) {
            subscriptions.keySet().forEach(topic -> rebalancer.rebalance(topic, t));
        }
    }

    @Override
    public void persistOffsets() {
        LiteQueueTable t = table;
        if (t != null) {
            offsets.persist(t.all(), false);
        }
    }

    /** Stops pulling, persists offsets (committing the positions first with auto-commit), unregisters; idempotent. */
    public synchronized void shutdown() {
        if (table == null) {
            return;
        }
        if (autoCommitTimer != null) {
            autoCommitTimer.cancel();
        }
        table.releaseAll();
        client.unregisterConsumer(group);
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
