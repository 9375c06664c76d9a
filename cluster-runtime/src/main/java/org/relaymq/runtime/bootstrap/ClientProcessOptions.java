package org.relaymq.runtime.bootstrap;

import java.time.Duration;
import org.relaymq.runtime.client.api.ClientConfig;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.telemetry.NodeInfo;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** Options shared by the {@code produce} and {@code consume} workload processes. */
public final class ClientProcessOptions {

    @Option(names = "--namesrv", required = true, paramLabel = "HOST:PORT[;HOST:PORT]",
            description = "NameServer addresses, ';'-separated.")
    String namesrv;

    @Option(names = "--profile", defaultValue = "classic",
            description = "Timing profile: classic (route poll and heartbeat every 30s) or classroom (3s). "
                    + "Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Address of the event port the console subscribes to (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "0", description = "Event port; 0 picks a free one (default).")
    int port;

    @Option(names = "--report-interval", defaultValue = "5s", converter = DurationConverter.class,
            description = "How often a progress line goes to stderr (default: ${DEFAULT-VALUE}).")
    Duration reportInterval;

    TimingProfile timing(CommandLine cl) {
        return TimingProfile.byName(profile).orElseThrow(() -> new CommandLine.ParameterException(cl,
                "unknown profile '" + profile + "' (known: classic, classroom)"));
    }

    ClientConfig clientConfig(CommandLine cl) {
        if (port < 0 || port > 65535) {
            throw new CommandLine.ParameterException(cl, "port out of range: " + port);
        }
        for (String addr : namesrv.split(";")) {
            if (!addr.isBlank() && !addr.trim().matches("[^:\\s]+:\\d{1,5}")) {
                throw new CommandLine.ParameterException(cl, "--namesrv: '" + addr.trim() + "' is not host:port");
            }
        }
        try {
            return ClientConfig.fromProfile(timing(cl), namesrv);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(cl, "--namesrv: " + e.getMessage());
        }
    }

    /** What GET_NODE_INFO answers for a client process of {@code role}. */
    NodeInfo nodeInfo(String role, ClientConfig config) {
        return new NodeInfo(role, TimeSource.system()).profile(profile)
                .interval("routePoll", config.pollNameServerInterval())
                .interval("heartbeat", config.heartbeatBrokerInterval())
                .interval("persistOffsets", config.persistConsumerOffsetInterval())
                .interval("report", reportInterval);
    }
}
