package org.relaymq.runtime.broker.ha;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.relaymq.protocol.body.ConsumerOffsetSerializeWrapper;
import org.relaymq.protocol.body.DelayOffsetSerializeWrapper;
import org.relaymq.protocol.body.SubscriptionGroupWrapper;
import org.relaymq.protocol.body.TopicConfigSerializeWrapper;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.offset.ConsumerOffsetManager;
import org.relaymq.runtime.broker.offset.DelayOffsetStore;
import org.relaymq.runtime.broker.subscription.SubscriptionGroupManager;
import org.relaymq.runtime.broker.topic.TopicConfigManager;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's copy of its master's metadata (protocol.md §9.3): every {@code syncPeriod} (first after
 * {@code syncInitialDelay}) it fetches the topic table (21, from the master's port − 2 first as 4.x does,
 * then the main port), consumer offsets (43), delay offsets (45) and subscription groups (201) and applies
 * them. The scheduler only hands the run to {@code executor}: the remoting calls block.
 */
public final class SlaveMetadataSync implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SlaveMetadataSync.class);

    /** What one run did. {@code failures} names each step that did not complete. */
    public record SyncReport(String masterAddr, boolean topicsReplaced, int offsetEntries, int delayLevels,
                             boolean groupsReplaced, List<String> failures) {
        public SyncReport {
            failures = List.copyOf(failures);
        }

        public boolean ok() {
            return failures.isEmpty();
        }
    }

    /** The slave-side tables the sync writes. */
    public record Targets(TopicConfigManager topics, ConsumerOffsetManager consumerOffsets,
                          DelayOffsetStore delayOffsets, SubscriptionGroupManager subscriptionGroups) {
        public Targets {
            Objects.requireNonNull(topics, "topics");
            Objects.requireNonNull(consumerOffsets, "consumerOffsets");
            Objects.requireNonNull(delayOffsets, "delayOffsets");
            Objects.requireNonNull(subscriptionGroups, "subscriptionGroups");
        }
    }

    private final HaConfig config;
    private final NettyRemotingClient client;
    private final Supplier<Optional<String>> masterAddress;
    private final Targets targets;
    private final Scheduler scheduler;
    private final Executor executor;
    private final AtomicBoolean running = new AtomicBoolean();
    private Scheduler.Cancellable timer;

    /**
     * @param masterAddress the master's remoting address, e.g. {@code registrar::masterAddress}
     * @param executor      runs the blocking calls (e.g. the broker's admin pool)
     */
    public SlaveMetadataSync(HaConfig config, NettyRemotingClient client, Supplier<Optional<String>> masterAddress,
                             Targets targets, Scheduler scheduler, Executor executor) {
        this.config = Objects.requireNonNull(config, "config");
        this.client = Objects.requireNonNull(client, "client");
        this.masterAddress = Objects.requireNonNull(masterAddress, "masterAddress");
        this.targets = Objects.requireNonNull(targets, "targets");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /** Starts the periodic sync; a no-op when already running. */
    public synchronized void start() {
        if (timer == null) {
            timer = scheduler.scheduleWithFixedDelay(this::trigger, config.syncInitialDelay(), config.syncPeriod());
        }
    }

    /** Stops the periodic sync (it can be started again). */
    public synchronized void stop() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void trigger() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    syncOnce();
                } finally {
                    running.set(false);
                }
            });
        } catch (RejectedExecutionException e) {
            running.set(false);
        }
    }

    /** One synchronous run (blocks on the remoting calls). Empty when no master address is known yet. */
    public Optional<SyncReport> syncOnce() {
        Optional<String> master = masterAddress.get();
        if (master.isEmpty()) {
            LOG.debug("slave metadata sync: master address not known yet");
            return Optional.empty();
        }
        String addr = master.get();
        List<String> failures = new ArrayList<>();
        boolean topics = step(failures, "topics", false, () -> syncTopics(addr));
        int offsets = step(failures, "consumerOffsets", 0, () -> syncConsumerOffsets(addr));
        int delay = step(failures, "delayOffsets", 0, () -> syncDelayOffsets(addr));
        boolean groups = step(failures, "subscriptionGroups", false, () -> syncGroups(addr));
        SyncReport report = new SyncReport(addr, topics, offsets, delay, groups, failures);
        if (report.ok()) {
            LOG.debug("slave metadata sync from {}: {}", addr, report);
        } else {
            LOG.warn("slave metadata sync from {} incomplete: {}", addr, failures);
        }
        return Optional.of(report);
    }

    private boolean syncTopics(String addr) throws Exception {
        byte[] body = fetchTopicConfig(addr);
        boolean replaced = targets.topics().replaceAll(TopicConfigSerializeWrapper.decode(body));
        if (replaced) {
            LOG.info("slave metadata sync: topic table replaced from master {}", addr);
        }
        return replaced;
    }

    private byte[] fetchTopicConfig(String addr) throws Exception {
        if (config.syncUseVipChannel()) {
            try {
                return call(HaAddress.withPortDelta(addr, -2), RequestCode.GET_ALL_TOPIC_CONFIG);
            } catch (RemotingException e) {
                LOG.debug("GET_ALL_TOPIC_CONFIG on the VIP port of {} failed ({}), using the main port", addr,
                        e.getMessage());
            }
        }
        return call(addr, RequestCode.GET_ALL_TOPIC_CONFIG);
    }

    private int syncConsumerOffsets(String addr) throws Exception {
        ConsumerOffsetSerializeWrapper w = ConsumerOffsetSerializeWrapper.decode(
                call(addr, RequestCode.GET_ALL_CONSUMER_OFFSET));
        targets.consumerOffsets().putAll(w);
        return w.offsetTable().size();
    }

    private int syncDelayOffsets(String addr) throws Exception {
        DelayOffsetSerializeWrapper w = DelayOffsetSerializeWrapper.decode(call(addr, RequestCode.GET_ALL_DELAY_OFFSET));
        targets.delayOffsets().replaceAll(w);
        return w.offsetTable().size();
    }

    private boolean syncGroups(String addr) throws Exception {
        boolean replaced = targets.subscriptionGroups().replaceAll(SubscriptionGroupWrapper.decode(
                call(addr, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG)));
        if (replaced) {
            LOG.info("slave metadata sync: subscription groups replaced from master {}", addr);
        }
        return replaced;
    }

    private byte[] call(String addr, int code) throws RemotingException, InterruptedException {
        RemotingCommand response = client.invokeSync(addr, RemotingCommand.request(code, null),
                config.syncTimeout().toMillis());
        if (response.code() != ResponseCode.SUCCESS) {
            throw new IllegalStateException("code " + code + " answered " + response.code() + " "
                    + response.remark());
        }
        return response.body();
    }

    private interface Step<T> {
        T run() throws Exception;
    }

    private static <T> T step(List<String> failures, String name, T fallback, Step<T> step) {
        try {
            return step.run();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failures.add(name + ": interrupted");
        } catch (Exception e) {
            failures.add(name + ": " + e.getMessage());
        }
        return fallback;
    }
}
