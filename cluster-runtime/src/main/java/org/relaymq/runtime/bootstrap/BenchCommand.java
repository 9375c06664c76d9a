package org.relaymq.runtime.bootstrap;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.relaymq.protocol.body.ConsumeFromWhere;
import org.relaymq.runtime.bench.ConsumeBenchmark;
import org.relaymq.runtime.bench.ProduceBenchmark;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.consumer.RelayPushConsumer;
import org.relaymq.runtime.client.producer.RelayProducer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code relaymq bench produce|consume}: throughput and latency against a running cluster. */
@Command(name = "bench", mixinStandardHelpOptions = true, versionProvider = RelayMqMain.VersionProvider.class,
        description = "Measure send and consume throughput and latency against a running cluster.",
        subcommands = {BenchCommand.Produce.class, BenchCommand.Consume.class})
public final class BenchCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Options both benchmarks share. */
    static class Common {
        @Option(names = "--namesrv", required = true, description = "NameServers, 'host:port;host:port'.")
        String namesrv;

        @Option(names = "--topic", defaultValue = "BenchmarkTest", description = "Topic (default: ${DEFAULT-VALUE}).")
        String topic;

        @Option(names = "--seconds", defaultValue = "30", description = "Measuring time (default: ${DEFAULT-VALUE}).")
        int seconds;
    }

    @Command(name = "produce", mixinStandardHelpOptions = true, description = "Send from N threads; print msg/s "
            + "and latency percentiles.")
    static final class Produce extends Common implements Callable<Integer> {
        @Option(names = "--mode", defaultValue = "sync", description = "sync, async or oneway (default: ${DEFAULT-VALUE}).")
        String mode;

        @Option(names = "--threads", defaultValue = "16", description = "Sending threads (default: ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--size", defaultValue = "128", description = "Body bytes (default: ${DEFAULT-VALUE}).")
        int size;

        @Option(names = "--warmup", defaultValue = "3", description = "Warm-up seconds, not measured (default: ${DEFAULT-VALUE}).")
        int warmup;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ProduceBenchmark.Mode m = parseMode(mode, spec.commandLine());
            if (threads < 1 || size < 0 || seconds < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "need --threads >= 1, --size >= 0, --seconds >= 1");
            }
            try (RelayProducer producer = new RelayProducer("bench_producer", ClientConfig.of(namesrv)).start()) {
                if (warmup > 0) {
                    new ProduceBenchmark(producer, topic, m, threads, size).run(Duration.ofSeconds(warmup));
                }
                ProduceBenchmark.Result r = new ProduceBenchmark(producer, topic, m, threads, size)
                        .run(Duration.ofSeconds(seconds));
                spec.commandLine().getOut().println(r.report());
                spec.commandLine().getOut().flush();
                return r.sent() > 0 ? 0 : 1;
            }
        }

        private static ProduceBenchmark.Mode parseMode(String value, CommandLine cl) {
            try {
                return ProduceBenchmark.Mode.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "unknown mode '" + value + "' (known: sync, async, oneway)");
            }
        }
    }

    @Command(name = "consume", mixinStandardHelpOptions = true, description = "Consume from the first offset; print "
            + "msg/s and born-to-consumed latency.")
    static final class Consume extends Common implements Callable<Integer> {
        @Option(names = "--group", defaultValue = "bench_consumer", description = "Consumer group (default: ${DEFAULT-VALUE}).")
        String group;

        @Option(names = "--warmup", defaultValue = "2", description = "Warm-up seconds, not measured (default: ${DEFAULT-VALUE}).")
        int warmup;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            ConsumeBenchmark bench = new ConsumeBenchmark();
            try (RelayPushConsumer consumer = new RelayPushConsumer(group, ClientConfig.of(namesrv))) {
                consumer.subscribe(topic, "*").consumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
                bench.attach(consumer);
                consumer.start();
                ConsumeBenchmark.Result r = bench.measure(Duration.ofSeconds(warmup), Duration.ofSeconds(seconds));
                spec.commandLine().getOut().println(r.report());
                spec.commandLine().getOut().flush();
                return 0;
            }
        }
    }
}
