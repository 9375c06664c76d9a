package org.relaymq.runtime.client.producer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.FaultTable;
import org.relaymq.runtime.client.api.Message;
import org.relaymq.runtime.client.api.MessageQueueSelector;
import org.relaymq.runtime.client.api.SendCallback;
import org.relaymq.runtime.client.api.SendFailedException;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.internal.ClientEvents;
import org.relaymq.runtime.client.internal.ProducerMember;
import org.relaymq.runtime.remoting.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A producer with the feel of Apache's DefaultMQProducer: sync, async, oneway, ordered (selector) and batch
 * sends, retries on another broker, optional latency fault tolerance with the 4.x or 5.x table.
 * Configure with the setters before {@link #start()}.
 * <p>
 * Asynchronous sends are written at once and continued from the response: at most
 * {@link #backPressureForAsyncSendNum(int)} are in flight (a caller waits up to the send timeout for one to
 * end), their futures and callbacks complete on the producer's few async threads, never on an I/O thread.
 */
public final class RelayProducer implements ProducerMember, AutoCloseable {

    public static final String DEFAULT_TOPIC = "TBW102";
    /** Async sends in flight at once by default (Apache 5.x's backPressureForAsyncSendNum). */
    public static final int DEFAULT_ASYNC_IN_FLIGHT = 10_000;
    private static final Logger LOG = LoggerFactory.getLogger(RelayProducer.class);

    private final String group;
    private final ClientInstance client;
    private final boolean ownsClient;
    private final Set<String> topics = ConcurrentHashMap.newKeySet();
    /** The publish info last derived from each topic's cached route (the route object itself, not a copy). */
    private final Map<String, Derived> derived = new ConcurrentHashMap<>();
    private final QueueChooser chooser = new QueueChooser(ThreadLocalRandom.current().nextInt(1 << 16));
    private volatile long sendMsgTimeout = 3000;
    private volatile int retryTimesWhenSendFailed = 2;
    private volatile int retryTimesWhenSendAsyncFailed = 2;
    private volatile boolean retryAnotherBrokerWhenNotStoreOK;
    private volatile int compressMsgBodyOverHowmuch = 4096;
    private volatile int maxMessageSize = 4 * 1024 * 1024;
    private volatile int defaultTopicQueueNums = 4;
    private volatile String createTopicKey = DEFAULT_TOPIC;
    private volatile int backPressureForAsyncSendNum = DEFAULT_ASYNC_IN_FLIGHT;
    private volatile LatencyFaultTolerance faults;
    private volatile SendEngine engine;
    private volatile MessageEncoder encoder;
    private volatile AsyncSends asyncSends;

    private record Derived(TopicRouteData route, PublishInfo info) {
    }

    /** A producer on a shared client instance. */
    public RelayProducer(String group, ClientInstance client) {
        this(group, client, false);
    }

    /** A producer with its own client instance (closed with the producer). */
    public RelayProducer(String group, ClientConfig config) {
        this(group, ClientInstance.create(config), true);
    }

    private RelayProducer(String group, ClientInstance client, boolean ownsClient) {
        this.group = group;
        this.client = client;
        this.ownsClient = ownsClient;
        topics.add(createTopicKey);
    }

    public RelayProducer sendMsgTimeout(Duration d) {
        this.sendMsgTimeout = d.toMillis();
        return this;
    }

    public RelayProducer retryTimesWhenSendFailed(int n) {
        this.retryTimesWhenSendFailed = n;
        return this;
    }

    public RelayProducer retryTimesWhenSendAsyncFailed(int n) {
        this.retryTimesWhenSendAsyncFailed = n;
        return this;
    }

    /** How many async sends may be in flight at once (default 10,000); set before {@link #start()}. */
    public RelayProducer backPressureForAsyncSendNum(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("backPressureForAsyncSendNum must be >= 1: " + n);
        }
        this.backPressureForAsyncSendNum = n;
        return this;
    }

    public RelayProducer retryAnotherBrokerWhenNotStoreOK(boolean b) {
        this.retryAnotherBrokerWhenNotStoreOK = b;
        return this;
    }

    public RelayProducer compressMsgBodyOverHowmuch(int bytes) {
        this.compressMsgBodyOverHowmuch = bytes;
        return this;
    }

    public RelayProducer maxMessageSize(int bytes) {
        this.maxMessageSize = bytes;
        return this;
    }

    public RelayProducer defaultTopicQueueNums(int n) {
        this.defaultTopicQueueNums = n;
        return this;
    }

    public RelayProducer createTopicKey(String topic) {
        this.createTopicKey = topic;
        topics.add(topic);
        return this;
    }

    /** Latency fault tolerance on ({@code table} non-null) or off (null, Apache's default). */
    public RelayProducer sendLatencyFaultEnable(FaultTable table) {
        this.faults = table == null ? null : new LatencyFaultTolerance(table, client.time());
        return this;
    }

    public Optional<LatencyFaultTolerance> faultTolerance() {
        return Optional.ofNullable(faults);
    }

    @Override
    public String group() {
        return group;
    }

    @Override
    public Set<String> topicsInUse() {
        return Set.copyOf(topics);
    }

    public ClientInstance client() {
        return client;
    }

    public synchronized RelayProducer start() {
        if (engine != null) {
            return this;
        }
        encoder = new MessageEncoder(client.uniqueKeys(), client.time());
        engine = new SendEngine(group, client.routes(), client.calls().transport(), client.time(),
                new ClientEvents(client.events()), chooser);
        asyncSends = new AsyncSends(group, backPressureForAsyncSendNum,
                Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors())));
        client.registerProducer(this);
        client.start();
        client.worker().execute(client::sendHeartbeatNow);
        return this;
    }

    public SendResult send(Message msg) throws ClientException {
        return send(msg, sendMsgTimeout);
    }

    public SendResult send(Message msg, long timeoutMillis) throws ClientException {
        MessageEncoder.Prepared p = running().prepare(msg, compressMsgBodyOverHowmuch, maxMessageSize);
        return sendPrepared(p, timeoutMillis, 1 + retryTimesWhenSendFailed);
    }

    /** A batch of messages of one topic, stored together on one queue (SEND_BATCH_MESSAGE). */
    public SendResult send(List<Message> batch) throws ClientException {
        MessageEncoder.Prepared p = running().prepareBatch(batch, maxMessageSize);
        return sendPrepared(p, sendMsgTimeout, 1 + retryTimesWhenSendFailed);
    }

    private SendResult sendPrepared(MessageEncoder.Prepared p, long timeoutMillis, int attempts)
            throws ClientException {
        PublishInfo info = publishInfo(p.topic());
        return engine.send(info, p.msgId(), mq -> encoder.request(p, mq, group, createTopicKey, defaultTopicQueueNums),
                new SendEngine.Budget(timeoutMillis, attempts, retryAnotherBrokerWhenNotStoreOK), faults);
    }

    /**
     * Asynchronous send (retries {@code retryTimesWhenSendAsyncFailed} times on another broker within the send
     * timeout). The future completes on a producer async thread; it fails at once when the message cannot be
     * prepared, and after up to the send timeout when the in-flight limit stays reached.
     */
    public CompletableFuture<SendResult> sendAsync(Message msg) {
        long start = client.time().monotonicMillis();
        long timeout = sendMsgTimeout;
        SendEngine e = engine;
        AsyncSends sends = asyncSends;
        MessageEncoder enc = encoder;
        if (e == null || sends == null) {
            return CompletableFuture.failedFuture(new ClientException(ClientException.LOCAL, sends == null
                    ? "producer " + group + " is not started" : "producer " + group + " is shut down"));
        }
        MessageEncoder.Prepared p;
        try {
            p = enc.prepare(msg, compressMsgBodyOverHowmuch, maxMessageSize);
        } catch (ClientException | RuntimeException ex) {
            return CompletableFuture.failedFuture(ex);
        }
        SendEngine.Budget budget = new SendEngine.Budget(timeout, 1 + retryTimesWhenSendAsyncFailed,
                retryAnotherBrokerWhenNotStoreOK);
        return sends.submit(p.topic(), timeout, result -> e.sendAsync(publishInfo(p.topic()), p.msgId(),
                mq -> enc.request(p, mq, group, createTopicKey, defaultTopicQueueNums), budget, faults, start,
                sends.executor(), result));
    }

    /** {@link #sendAsync(Message)} with a callback (on a producer async thread, or the caller's on an early failure). */
    public void send(Message msg, SendCallback callback) {
        sendAsync(msg).whenComplete((r, e) -> {
            try {
                if (e != null) {
                    callback.onException(e);
                } else {
                    callback.onSuccess(r);
                }
            } catch (RuntimeException thrown) {
                LOG.warn("send callback of producer {} threw", group, thrown);
            }
        });
    }

    /** Fire and forget: one attempt, no result. */
    public void sendOneway(Message msg) throws ClientException {
        MessageEncoder.Prepared p = running().prepare(msg, compressMsgBodyOverHowmuch, maxMessageSize);
        PublishInfo info = publishInfo(p.topic());
        SendDecision d = chooser.choose(info, null, faults);
        engine.announceChosen(info, d.chosen(), "oneway round-robin");
        if (d.chosen() == null) {
            throw new SendFailedException(p.topic(), List.of(), ClientException.LOCAL, null);
        }
        try {
            client.calls().transport().invokeOneway(engine.masterOf(d.chosen().brokerName()),
                    encoder.request(p, d.chosen(), group, createTopicKey, defaultTopicQueueNums).asOneway(),
                    sendMsgTimeout);
        } catch (RemotingException e) {
            throw new ClientException(ClientException.LOCAL, "oneway send failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException(ClientException.LOCAL, "interrupted", e);
        }
    }

    /** Ordered send: {@code selector} picks the queue (one attempt, no retry on another queue). */
    public SendResult send(Message msg, MessageQueueSelector selector, Object arg) throws ClientException {
        MessageEncoder.Prepared p = running().prepare(msg, compressMsgBodyOverHowmuch, maxMessageSize);
        PublishInfo info = publishInfo(p.topic());
        if (info.queues().isEmpty()) {
            throw new SendFailedException(p.topic(), List.of(), ClientException.LOCAL, null);
        }
        MessageQueue mq = selector.select(info.queues(), msg, arg);
        return sendToQueue(p, info, mq, "selector");
    }

    /** Sends to one given queue (one attempt). */
    public SendResult send(Message msg, MessageQueue mq) throws ClientException {
        MessageEncoder.Prepared p = running().prepare(msg, compressMsgBodyOverHowmuch, maxMessageSize);
        return sendToQueue(p, publishInfo(p.topic()), mq, "explicit queue");
    }

    private SendResult sendToQueue(MessageEncoder.Prepared p, PublishInfo info, MessageQueue mq, String how)
            throws ClientException {
        engine.announceChosen(info, mq, how);
        try {
            return engine.once(p.topic(), 1, mq, p.msgId(),
                    q -> encoder.request(p, q, group, createTopicKey, defaultTopicQueueNums), sendMsgTimeout, faults);
        } catch (ClientException e) {
            throw new SendFailedException(p.topic(), List.of(new SendFailedException.Attempt(1, mq.brokerName(),
                    mq.queueId(), e.getMessage())), e.code(), e);
        }
    }

    /** The encoder of a started producer; a clear error before {@link #start()} and after {@link #shutdown()}. */
    private MessageEncoder running() throws ClientException {
        MessageEncoder enc = encoder;
        if (enc == null || engine == null) {
            throw new ClientException(ClientException.LOCAL, "producer " + group
                    + (asyncSends == null ? " is not started" : " is shut down"));
        }
        return enc;
    }

    /** The writable queues of {@code topic} (TBW102's brokers while the topic has no route). */
    public List<MessageQueue> fetchPublishMessageQueues(String topic) {
        return publishInfo(topic).queues();
    }

    PublishInfo publishInfo(String topic) {
        topics.add(topic);
        Optional<TopicRouteData> route = client.routes().cached(topic);
        if (route.isEmpty() || route.get().queueDatas().isEmpty()) {
            route = client.routes().fetch(topic);
        }
        if (route.isPresent() && !route.get().queueDatas().isEmpty()) {
            TopicRouteData r = route.get();
            Derived last = derived.get(topic);
            if (last != null && last.route() == r) {
                return last.info();
            }
            PublishInfo info = PublishInfo.from(topic, r, 0);
            derived.put(topic, new Derived(r, info));
            return info;
        }
        Optional<TopicRouteData> template = client.routes().cached(createTopicKey)
                .or(() -> client.routes().fetch(createTopicKey));
        return template.map(t -> PublishInfo.from(topic, t, defaultTopicQueueNums))
                .orElseGet(() -> new PublishInfo(topic, List.of(), java.util.Map.of(), false));
    }

    /**
     * Lets async sends in flight complete (up to the send timeout; the rest fail with "producer shut down"),
     * unregisters the group (UNREGISTER_CLIENT) and closes the client instance if this producer owns it.
     */
    public synchronized void shutdown() {
        if (engine == null) {
            return;
        }
        asyncSends.close(Duration.ofMillis(sendMsgTimeout));
        client.unregisterProducer(group);
        if (ownsClient) {
            client.close();
        }
        engine = null;
    }

    @Override
    public void close() {
        shutdown();
    }
}
