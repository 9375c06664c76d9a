package org.relaymq.runtime.bootstrap;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.NameServer;
import org.relaymq.runtime.namesrv.NameServerNodeConfig;
import org.relaymq.runtime.namesrv.NamesrvConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code relaymq namesrv}: one NameServer, headless, until SIGTERM. */
@Command(name = "namesrv", mixinStandardHelpOptions = true, versionProvider = RelayMqMain.VersionProvider.class,
        description = "Run a NameServer. Prints 'READY namesrv <host:port>' once it serves.")
public final class NamesrvCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(NamesrvCommand.class);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", description = "Address to listen on (default: ${DEFAULT-VALUE}).", defaultValue = "0.0.0.0")
    String host;

    @Option(names = "--port", description = "Port to listen on; 0 picks a free one (default: 9876).")
    Integer port;

    @Option(names = "--profile", description = "Timing profile: classic (scan 10s, expiry 120s) or classroom "
            + "(scan 1s, expiry 12s). Default: classic.")
    String profile;

    @Option(names = "--scan-interval", converter = DurationConverter.class,
            description = "How often to look for silent brokers, e.g. 10s (overrides the profile).")
    Duration scanInterval;

    @Option(names = "--broker-expiry", converter = DurationConverter.class,
            description = "How long a broker may stay silent before it is dropped, e.g. 120s (overrides the profile).")
    Duration brokerExpiry;

    @Option(names = "--config", description = "RocketMQ-style properties file (listenPort, profile, scanInterval, "
            + "brokerExpiry, kvConfigPath). Command-line options win.")
    Path configFile;

    @Option(names = "--kv-config", description = "File that keeps the KV config across restarts (default: memory only).")
    Path kvConfig;

    @Override
    public Integer call() {
        CommandLine cl = spec.commandLine();
        NameServerNodeConfig config = resolve(cl);
        ExecutorScheduler scheduler = new ExecutorScheduler("namesrv-timer", 2);
        NameServer ns = new NameServer(config, TimeSource.system(), scheduler);
        try {
            ns.start();
        } catch (RuntimeException e) {
            scheduler.close();
            throw e;
        }
        return NodeRunner.runUntilStopped("namesrv", ns.address(), () -> {
            ns.close();
            scheduler.close();
        }, cl.getOut());
    }

    NameServerNodeConfig resolve(CommandLine cl) {
        ConfigFile file = ConfigFile.load(configFile, cl);
        String profileName = first(profile, file.get("profile"), TimingProfile.CLASSIC.name());
        TimingProfile timing = TimingProfile.byName(profileName).orElseThrow(() -> new CommandLine.ParameterException(
                cl, "unknown profile '" + profileName + "' (known: classic, classroom)"));
        NamesrvConfig liveness = NamesrvConfig.fromProfile(timing);
        Duration scan = scanInterval != null ? scanInterval : durationFrom(file, "scanInterval", cl);
        Duration expiry = brokerExpiry != null ? brokerExpiry : durationFrom(file, "brokerExpiry", cl);
        if (scan != null) {
            liveness = liveness.withScanInterval(scan);
        }
        if (expiry != null) {
            liveness = liveness.withBrokerExpiry(expiry);
        }
        Integer filePort = file.getInt("listenPort", cl);
        int listenPort = port != null ? port : filePort != null ? filePort : NameServerNodeConfig.DEFAULT_PORT;
        if (listenPort < 0 || listenPort > 65535) {
            throw new CommandLine.ParameterException(cl, "port out of range: " + listenPort);
        }
        String kvPath = file.get("kvConfigPath");
        Path kv = kvConfig != null ? kvConfig : kvPath != null ? Path.of(kvPath) : null;
        warnUnused(file);
        return new NameServerNodeConfig(host, listenPort, liveness, kv, 8);
    }

    private static Duration durationFrom(ConfigFile file, String key, CommandLine cl) {
        String v = file.get(key);
        if (v == null) {
            return null;
        }
        try {
            return DurationConverter.parse(v);
        } catch (CommandLine.TypeConversionException e) {
            throw new CommandLine.ParameterException(cl, "config " + key + ": " + e.getMessage());
        }
    }

    private static void warnUnused(ConfigFile file) {
        Set<String> unused = file.unusedKeys();
        if (!unused.isEmpty()) {
            LOG.warn("config file {} has keys a NameServer does not use: {}", file.path(), String.join(", ", unused));
        }
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
