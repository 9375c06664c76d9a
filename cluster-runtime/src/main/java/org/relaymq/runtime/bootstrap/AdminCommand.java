package org.relaymq.runtime.bootstrap;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.relaymq.protocol.body.BrokerData;
import org.relaymq.protocol.body.ClusterInfo;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.runtime.client.admin.RelayAdmin;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.ClientInstance;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code relaymq admin ...}: cluster, routes, topics, message lookup and consumer lag, printed for people; and
 * {@code faults} ({@link AdminFaultsCommand}), which talks to one node rather than through the NameServers.
 */
@Command(name = "admin", mixinStandardHelpOptions = true, versionProvider = RelayMqMain.VersionProvider.class,
        description = "Inspect and change a cluster through its NameServers (RocketMQ or RelayMQ).",
        subcommands = {AdminCommand.ClusterCmd.class, AdminCommand.RouteCmd.class, AdminCommand.TopicCmd.class,
            AdminCommand.MessageCmd.class, AdminCommand.ConsumerLagCmd.class, AdminFaultsCommand.class})
public final class AdminCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Options every admin subcommand takes. */
    public static final class Options {
        @Option(names = "--namesrv", paramLabel = "HOST:PORT[;HOST:PORT]", defaultValue = "${env:NAMESRV_ADDR}",
                description = "NameServer addresses, ';'-separated (default: $NAMESRV_ADDR).")
        String namesrv;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Option(names = "--timeout", defaultValue = "3s", converter = DurationConverter.class,
                description = "Timeout of each request (default: ${DEFAULT-VALUE}).")
        Duration timeout;
    }

    /** Runs one admin action on a client instance of its own (never started: no timers, no heartbeats). */
    abstract static class Leaf implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Mixin
        Options options;

        @Override
        public Integer call() throws Exception {
            CommandLine cl = spec.commandLine();
            if (options.namesrv == null || options.namesrv.isBlank()) {
                throw new CommandLine.ParameterException(cl, "--namesrv is required (or set NAMESRV_ADDR)");
            }
            ClientConfig config;
            try {
                config = ClientConfig.of(options.namesrv).withMqClientApiTimeout(options.timeout);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(cl, "--namesrv: " + e.getMessage());
            }
            try (ClientInstance client = ClientInstance.create(config)) {
                return run(new RelayAdmin(client), new AdminOutput(cl.getOut(), options.json));
            }
        }

        abstract int run(RelayAdmin admin, AdminOutput out) throws ClientException;

        /** A failed lookup: one line on stderr, exit code 1. */
        int fail(String message) {
            spec.commandLine().getErr().println(spec.qualifiedName() + ": " + message);
            spec.commandLine().getErr().flush();
            return 1;
        }
    }

    @Command(name = "cluster", mixinStandardHelpOptions = true, description = "Clusters and their brokers.")
    static final class ClusterCmd extends Leaf {
        @Override
        int run(RelayAdmin admin, AdminOutput out) throws ClientException {
            out.cluster(admin.clusterInfo());
            return 0;
        }
    }

    @Command(name = "route", mixinStandardHelpOptions = true, description = "The route of a topic.")
    static final class RouteCmd extends Leaf {
        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;

        @Override
        int run(RelayAdmin admin, AdminOutput out) {
            Optional<TopicRouteData> route = admin.topicRoute(topic);
            if (route.isEmpty()) {
                return fail(admin.namesrvStatus().reachable() ? "no route for topic " + topic
                        : "no NameServer answered: " + admin.namesrvStatus().lastError());
            }
            out.route(topic, route.get());
            return 0;
        }
    }

    @Command(name = "topic", mixinStandardHelpOptions = true, description = "Create or delete a topic.",
            subcommands = {TopicCreateCmd.class, TopicDeleteCmd.class})
    static final class TopicCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Create (or update) a topic on every master of a cluster.")
    static final class TopicCreateCmd extends Leaf {
        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;

        @Option(names = "--cluster", required = true, description = "Cluster whose masters get the topic.")
        String cluster;

        @Option(names = "--queues", defaultValue = "4", description = "Read and write queues (default: 4).")
        int queues;

        @Override
        int run(RelayAdmin admin, AdminOutput out) throws ClientException {
            if (queues <= 0 || queues > 1024) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--queues must be 1..1024: " + queues);
            }
            List<String> brokers = admin.createTopic(cluster, topic, queues);
            if (brokers.isEmpty()) {
                return fail("cluster " + cluster + " has no master");
            }
            out.done("created " + topic + " with " + queues + " queues on " + String.join(", ", brokers),
                    Map.of("topic", topic, "queues", queues, "brokers", brokers));
            return 0;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true,
            description = "Delete a topic from the masters of its cluster(s) and from the NameServers.")
    static final class TopicDeleteCmd extends Leaf {
        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;

        @Option(names = "--cluster", description = "Only this cluster (default: every cluster in the topic's route).")
        String cluster;

        @Override
        int run(RelayAdmin admin, AdminOutput out) throws ClientException {
            Set<String> clusters = new TreeSet<>();
            if (cluster != null) {
                clusters.add(cluster);
            } else {
                Optional<TopicRouteData> route = admin.topicRoute(topic);
                if (route.isEmpty()) {
                    return fail("no route for topic " + topic);
                }
                ClusterInfo info = admin.clusterInfo();
                for (BrokerData b : route.get().brokerDatas()) {
                    BrokerData known = info.brokerAddrTable().get(b.brokerName());
                    clusters.add(known != null && known.cluster() != null ? known.cluster() : b.cluster());
                }
            }
            for (String c : clusters) {
                admin.deleteTopic(c, topic);
            }
            out.done("deleted " + topic + " from " + String.join(", ", clusters),
                    Map.of("topic", topic, "clusters", new ArrayList<>(clusters)));
            return 0;
        }
    }

    @Command(name = "message", mixinStandardHelpOptions = true, description = "Look messages up.",
            subcommands = {MessageKeyCmd.class, MessageIdCmd.class})
    static final class MessageCmd implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            spec.commandLine().usage(spec.commandLine().getErr());
            return 2;
        }
    }

    @Command(name = "key", mixinStandardHelpOptions = true,
            description = "Messages of a topic by key (KEYS), or by msgId (UNIQ_KEY) with --unique.")
    static final class MessageKeyCmd extends Leaf {
        @Parameters(index = "0", paramLabel = "TOPIC")
        String topic;

        @Parameters(index = "1", paramLabel = "KEY")
        String key;

        @Option(names = "--unique", description = "KEY is a client message id (UNIQ_KEY).")
        boolean unique;

        @Option(names = "--max", defaultValue = "32", description = "At most this many per broker (default: 32).")
        int max;

        @Override
        int run(RelayAdmin admin, AdminOutput out) throws ClientException {
            out.messages(unique ? admin.queryByUniqKey(topic, key)
                    : admin.queryByKey(topic, key, max, 0, Long.MAX_VALUE));
            return 0;
        }
    }

    @Command(name = "id", mixinStandardHelpOptions = true,
            description = "A message by its offset message id (store host + commit-log offset, 32 hex digits).")
    static final class MessageIdCmd extends Leaf {
        @Parameters(index = "0", paramLabel = "OFFSET_MSG_ID")
        String id;

        @Override
        int run(RelayAdmin admin, AdminOutput out) throws ClientException {
            if (!id.matches("[0-9A-Fa-f]{32}|[0-9A-Fa-f]{40}")) {
                throw new CommandLine.ParameterException(spec.commandLine(), "not an offset message id: " + id);
            }
            out.messages(List.of(admin.viewByOffsetId(id)));
            return 0;
        }
    }

    @Command(name = "consumer-lag", mixinStandardHelpOptions = true,
            description = "Per queue: broker offset, the group's offset and the lag.")
    static final class ConsumerLagCmd extends Leaf {
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;

        @Override
        int run(RelayAdmin admin, AdminOutput out) throws ClientException {
            out.consumerLag(group, admin.consumeStats(group));
            return 0;
        }
    }
}
