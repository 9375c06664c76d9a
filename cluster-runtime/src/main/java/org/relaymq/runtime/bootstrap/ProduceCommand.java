package org.relaymq.runtime.bootstrap;

import com.google.gson.JsonObject;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientInstance;
import org.relaymq.runtime.client.producer.RelayProducer;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.telemetry.NodeInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code relaymq produce}: a headless producer at a steady rate, watchable on its event port, until SIGTERM. */
@Command(name = "produce", mixinStandardHelpOptions = true, versionProvider = RelayMqMain.VersionProvider.class,
        description = "Send messages at a steady rate. Prints 'READY producer <host:port>' (its event port) once "
                + "started and a progress line on stderr periodically; stops on SIGTERM.")
public final class ProduceCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    ClientProcessOptions node;

    @Option(names = "--topic", required = true, description = "Topic to send to.")
    String topic;

    @Option(names = "--rate", defaultValue = "10", description = "Messages per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--count", defaultValue = "0",
            description = "Stop sending after this many messages; the process stays up (0 = no end, the default).")
    long count;

    @Option(names = "--size", defaultValue = "128", description = "Body size in bytes (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--keys", description = "Give every message a key (key-<n>).")
    boolean keys;

    @Option(names = "--tag", defaultValue = "TagA", description = "Tag of every message (default: ${DEFAULT-VALUE}).")
    String tag;

    @Option(names = "--group", defaultValue = "relaymq-producer",
            description = "Producer group (default: ${DEFAULT-VALUE}).")
    String group;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        validate(cl);
        ClientConfig config = node.clientConfig(cl);
        NetworkFaultTable faults = new NetworkFaultTable(ClientNodeServer.FAULTS_APPLY_TO);
        ClientInstance client = ClientInstance.create(config, faults);
        RelayProducer producer = new RelayProducer(group, client);
        ExecutorScheduler scheduler = new ExecutorScheduler("produce-timer", 1);
        NodeInfo info = node.nodeInfo("producer", config);
        ProduceLoop loop = new ProduceLoop(producer, new ProduceLoop.Spec(topic, tag, rate, count, size, keys),
                TimeSource.system());
        ClientNodeServer server;
        try {
            producer.start();
            server = ClientNodeServer.start("producer", node.host, node.port, client.events(), info,
                    () -> snapshot(producer, loop), scheduler, faults);
        } catch (RuntimeException e) {
            producer.shutdown();
            client.close();
            scheduler.close();
            throw e;
        }
        loop.start(scheduler);
        PrintWriter err = cl.getErr();
        Scheduler.Cancellable report = scheduler.scheduleWithFixedDelay(() -> line(err, loop.summary()),
                node.reportInterval, node.reportInterval);
        return NodeRunner.runUntilStopped("producer", server.address(), () -> {
            report.cancel();
            loop.close();
            line(err, loop.summary());
            producer.shutdown();
            client.close();
            server.close();
            scheduler.close();
        }, cl.getOut());
    }

    private void validate(CommandLine cl) {
        if (rate <= 0) {
            throw new CommandLine.ParameterException(cl, "--rate must be positive: " + rate);
        }
        if (count < 0) {
            throw new CommandLine.ParameterException(cl, "--count must not be negative: " + count);
        }
        if (size <= 0 || size > 4 * 1024 * 1024) {
            throw new CommandLine.ParameterException(cl, "--size must be between 1 and 4194304: " + size);
        }
        node.timing(cl);
    }

    private JsonObject snapshot(RelayProducer producer, ProduceLoop loop) {
        JsonObject o = new JsonObject();
        o.addProperty("role", "producer");
        o.addProperty("clientId", producer.client().clientId());
        o.addProperty("group", group);
        o.addProperty("topic", topic);
        o.addProperty("rate", rate);
        o.addProperty("sent", loop.sent());
        o.addProperty("failed", loop.failed());
        return o;
    }

    static void line(PrintWriter err, String text) {
        err.println(text);
        err.flush();
    }
}
