package org.relaymq.runtime.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.body.TopicConfig;
import org.relaymq.runtime.broker.Broker;
import org.relaymq.runtime.broker.BrokerConfig;
import org.relaymq.runtime.broker.BrokerNodeConfig;
import org.relaymq.runtime.broker.BrokerRole;
import org.relaymq.runtime.broker.messaging.MessagingConfig;
import org.relaymq.runtime.broker.store.MessageStoreConfig;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.net.FreePorts;
import org.relaymq.runtime.common.net.HostAddresses;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code relaymq broker}: one broker, headless, until SIGTERM. */
@Command(name = "broker", mixinStandardHelpOptions = true, versionProvider = RelayMqMain.VersionProvider.class,
        description = "Run a broker. Prints 'READY broker <host:port>' once it serves and has registered.")
public final class BrokerCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--namesrv", description = "NameServers, 'host:port;host:port' (broker.conf: namesrvAddr).")
    String namesrv;

    @Option(names = "--cluster", description = "Cluster name (default DefaultCluster).")
    String cluster;

    @Option(names = "--name", description = "Broker name, shared by a master and its slaves (default broker-a).")
    String name;

    @Option(names = "--id", description = "0 for a master, above 0 for a slave.")
    Long id;

    @Option(names = "--role", description = "ASYNC_MASTER (default), SYNC_MASTER or SLAVE.")
    String role;

    @Option(names = "--port", description = "Listen port (default 10911); the broker also serves port - 2 and "
            + "replication on port + 1. 0 picks three free ports.")
    Integer port;

    @Option(names = "--host", defaultValue = "0.0.0.0", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--ip", description = "Address advertised to NameServers and clients (broker.conf: brokerIP1).")
    String ip;

    @Option(names = "--store", description = "Store root directory (broker.conf: storePathRootDir; default ~/store).")
    Path store;

    @Option(names = "--flush", description = "ASYNC or SYNC disk flush (broker.conf: flushDiskType).")
    String flush;

    @Option(names = "--profile", description = "Timing profile: classic (register every 30s) or classroom (3s).")
    String profile;

    @Option(names = "--config", description = "RocketMQ-style broker.conf; command-line options win.")
    Path configFile;

    @Option(names = "--topic", paramLabel = "NAME[:QUEUES]", description = "Topic to create at start if it does "
            + "not exist (repeatable; default 4 queues; masters only, slaves copy their master's topics).")
    List<String> topics = new ArrayList<>();

    private String ipFromFile;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        BrokerNodeConfig config = resolve(cl);
        ExecutorScheduler scheduler = new ExecutorScheduler("broker-timer", 2);
        Broker broker = new Broker(config, TimeSource.system(), scheduler);
        try {
            createTopics(broker, cl); // before start: the first registration already carries them
            broker.start();
        } catch (RuntimeException e) {
            broker.close();
            scheduler.close();
            throw e;
        }
        return NodeRunner.runUntilStopped("broker", broker.address(), () -> {
            broker.close();
            scheduler.close();
        }, cl.getOut());
    }

    BrokerNodeConfig resolve(CommandLine cl) {
        ConfigFile file = ConfigFile.load(configFile, cl);
        Properties props = file.properties();
        String profileName = profile != null ? profile : props.getProperty("profile", TimingProfile.CLASSIC.name());
        TimingProfile timing = TimingProfile.byName(profileName).orElseThrow(() -> new CommandLine.ParameterException(
                cl, "unknown profile '" + profileName + "' (known: classic, classroom)"));
        BrokerConfig.Loaded loaded;
        try {
            loaded = BrokerConfig.fromProperties(props, timing);
            ipFromFile = props.getProperty("brokerIP1");
            BrokerConfig config = applyOptions(loaded.config().toBuilder(), loaded.config(), cl).build();
            MessageStoreConfig storeConfig = StoreSettings.read(file, config.storePathRootDir(),
                    config.flushDiskType(), cl);
            warnUnknown(loaded.unknownKeys());
            return new BrokerNodeConfig(config, storeConfig, messaging(props), host);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, e.getMessage());
        }
    }

    /**
     * broker.conf {@code slaveReadEnable} (the master suggests the slave to consumers lagging far behind) and
     * {@code waitTimeMillsInSendQueue} (sends queued longer are answered SYSTEM_BUSY).
     */
    private static MessagingConfig messaging(Properties props) {
        MessagingConfig m = MessagingConfig.defaults();
        if (Boolean.parseBoolean(props.getProperty("slaveReadEnable", "false"))) {
            m = m.withSlaveRead(true, m.consumeSlowlyLagBytes());
        }
        String wait = props.getProperty("waitTimeMillsInSendQueue");
        if (wait != null) {
            long millis;
            try {
                millis = Long.parseLong(wait.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("waitTimeMillsInSendQueue is not a number of milliseconds: " + wait);
            }
            if (millis < 1) {
                throw new IllegalArgumentException("waitTimeMillsInSendQueue must be at least 1 ms: " + wait);
            }
            m = m.withWaitTimeInSendQueue(Duration.ofMillis(millis));
        }
        return m;
    }

    private void createTopics(Broker broker, CommandLine cl) {
        if (topics.isEmpty() || broker.config().broker().isSlave()) {
            return;
        }
        for (String t : topics) {
            String[] parts = t.split(":", 2);
            int queues;
            try {
                queues = parts.length == 2 ? Integer.parseInt(parts[1].trim()) : 4;
            } catch (NumberFormatException e) {
                throw new CommandLine.ParameterException(cl, "--topic " + t + ": queue count is not a number");
            }
            String name = parts[0].trim();
            if (broker.core().topics().find(name).isEmpty()) {
                broker.core().topics().createOrUpdate(TopicConfig.of(name, queues, PermName.READ_WRITE));
            }
        }
    }

    private BrokerConfig.Builder applyOptions(BrokerConfig.Builder b, BrokerConfig base, CommandLine cl) {
        if (namesrv != null) {
            b.namesrvAddr(Arrays.stream(namesrv.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        if (cluster != null) {
            b.brokerClusterName(cluster);
        }
        if (name != null) {
            b.brokerName(name);
        }
        if (role != null) {
            b.brokerRole(parseRole(role, cl));
        }
        if (id != null) {
            b.brokerId(id);
        }
        if (flush != null) {
            b.flushDiskType(parseFlush(flush, cl));
        }
        int listen = port != null ? port : base.listenPort();
        b.listenPort(listen == 0 ? FreePorts.brokerListenPort(bindCheckHost()) : listen);
        b.brokerIP1(ip != null ? ip : ipFromFile != null ? ipFromFile : HostAddresses.advertised(host));
        if (store != null) {
            b.storePathRootDir(store);
        }
        return b;
    }

    private String bindCheckHost() {
        return "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    }

    private static BrokerRole parseRole(String value, CommandLine cl) {
        try {
            return BrokerRole.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "unknown role '" + value
                    + "' (known: ASYNC_MASTER, SYNC_MASTER, SLAVE)");
        }
    }

    private static String parseFlush(String value, CommandLine cl) {
        String v = value.trim().toUpperCase(java.util.Locale.ROOT);
        String type = v.endsWith("_FLUSH") ? v : v + "_FLUSH";
        if (!BrokerConfig.FLUSH_DISK_TYPES.contains(type)) {
            throw new CommandLine.ParameterException(cl, "unknown flush '" + value + "' (known: ASYNC, SYNC)");
        }
        return type;
    }

    private static void warnUnknown(List<String> unknownKeys) {
        List<String> unused = new ArrayList<>(unknownKeys);
        unused.removeAll(StoreSettings.KEYS);
        unused.remove("profile");
        unused.remove("slaveReadEnable");
        unused.remove("waitTimeMillsInSendQueue");
        if (!unused.isEmpty()) {
            LOG.warn("broker.conf keys this broker does not use: {}", String.join(", ", unused));
        }
    }
}
