package org.relaymq.runtime.bootstrap;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.protocol.body.MessageModel;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.api.ConsumeConcurrentlyStatus;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.telemetry.NodeInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code relaymq consume}: a headless push consumer that counts what it gets, watchable on its event port. */
@Command(name = "consume", mixinStandardHelpOptions = true, versionProvider = RelayMqMain.VersionProvider.class,
        description = "Consume a topic in a group. Prints 'READY consumer <host:port>' (its event port) once "
                + "started and a progress line on stderr periodically; on SIGTERM commits its offsets and leaves.")
public final class ConsumeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ClientProcessOptions node;

    @Option(names = "--topic", required = true, description = "Topic to consume.")
    String topic;

    @Option(names = "--group", required = true, description = "Consumer group.")
    String group;

    @Option(names = "--tags", defaultValue = "*", description = "Tag expression, e.g. 'TagA || TagB' (default: *).")
    String tags;

    @Option(names = "--broadcast", description = "Every member gets every message (offsets kept locally).")
    boolean broadcast;

    @Option(names = "--from", defaultValue = "last",
            description = "Where a new group starts: first or last (default: ${DEFAULT-VALUE}).")
    String from;

    @Option(names = "--rebalance-interval", converter = DurationConverter.class,
            description = "How often queues are re-allocated (default 20s, as Apache).")
    Duration rebalanceInterval;

    private final AtomicLong consumed = new AtomicLong();
    private final TimeSource time = TimeSource.system();

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        ClientConfig config = node.clientConfig(cl);
        ConsumeFromWhere where = where(cl);
        if (rebalanceInterval != null) {
            config = config.withRebalanceInterval(rebalanceInterval);
        }
        NetworkFaultTable faults = new NetworkFaultTable(ClientNodeServer.FAULTS_APPLY_TO);
        ClientInstance client = ClientInstance.create(config, faults);
        RelayPushConsumer consumer = new RelayPushConsumer(group, client).subscribe(topic, tags)
                .messageModel(broadcast ? MessageModel.BROADCASTING : MessageModel.CLUSTERING)
                .consumeFromWhere(where).registerMessageListener((msgs, mq) -> {
                    consumed.addAndGet(msgs.size());
                    return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
                });
        ExecutorScheduler scheduler = new ExecutorScheduler("consume-timer", 1);
        NodeInfo info = node.nodeInfo("consumer", config).interval("rebalance", config.rebalanceInterval());
        ClientNodeServer server;
        try {
            server = ClientNodeServer.start("consumer", node.host, node.port, client.events(), info,
                    () -> snapshot(consumer), scheduler, faults);
        } catch (RuntimeException e) {
            client.close();
            scheduler.close();
            throw e;
        }
        consumer.start();
        PrintWriter err = cl.getErr();
        long started = time.monotonicMillis();
        Scheduler.Cancellable report = scheduler.scheduleWithFixedDelay(() -> ProduceCommand.line(err,
                summary(consumer, started)), node.reportInterval, node.reportInterval);
        return NodeRunner.runUntilStopped("consumer", server.address(), () -> {
            report.cancel();
            consumer.shutdown();
            client.close();
            ProduceCommand.line(err, summary(consumer, started) + " stopped");
            server.close();
            scheduler.close();
        }, cl.getOut());
    }

    private ConsumeFromWhere where(CommandLine cl) {
        return switch (from.toLowerCase(Locale.ROOT)) {
            case "first" -> ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET;
            case "last" -> ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET;
            default -> throw new CommandLine.ParameterException(cl, "--from must be first or last: " + from);
        };
    }

    private String summary(RelayPushConsumer consumer, long startedMillis) {
        double seconds = Math.max(0.001, (time.monotonicMillis() - startedMillis) / 1000.0);
        long queues = consumer.assignedQueues().stream().filter(q -> q.topic().equals(topic)).count();
        return String.format(Locale.ROOT, "consumer %s: topic=%s consumed=%d rate=%.1f/s queues=%d", group, topic,
                consumed.get(), consumed.get() / seconds, queues);
    }

    private JsonObject snapshot(RelayPushConsumer consumer) {
        JsonObject o = new JsonObject();
        o.addProperty("role", "consumer");
        o.addProperty("clientId", consumer.client().clientId());
        o.addProperty("group", group);
        o.addProperty("topic", topic);
        o.addProperty("model", broadcast ? "BROADCASTING" : "CLUSTERING");
        o.addProperty("consumed", consumed.get());
        JsonArray queues = new JsonArray();
        consumer.assignedQueues().stream().sorted().forEach(q -> queues.add(q.brokerName() + ":" + q.topic() + ":"
                + q.queueId()));
        o.add("assigned", queues);
        return o;
    }
}
