package org.relaymq.runtime.client.api;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.relaymq.runtime.common.TimingProfile;

/**
 * Settings shared by the producers and consumers of one {@link ClientInstance} (protocol.md §10.1).
 *
 * @param instanceName null = {@code <pid>#<nanoTime>}, as Apache clients do
 * @param clientIp null = the first non-loopback IPv4 address of the host
 * @param localOffsetDir where broadcasting consumers keep their offsets (null = {@code ~/.relaymq_offsets})
 */
public record ClientConfig(List<String> namesrvAddrs, String instanceName, String clientIp,
                           Duration pollNameServerInterval, Duration heartbeatBrokerInterval,
                           Duration persistConsumerOffsetInterval, Duration rebalanceInterval,
                           Duration mqClientApiTimeout, Duration pullTimeDelayWhenException, Path localOffsetDir) {

    public ClientConfig {
        namesrvAddrs = List.copyOf(namesrvAddrs);
        if (namesrvAddrs.isEmpty()) {
            throw new IllegalArgumentException("at least one NameServer address is needed");
        }
        positive(pollNameServerInterval, "pollNameServerInterval");
        positive(heartbeatBrokerInterval, "heartbeatBrokerInterval");
        positive(persistConsumerOffsetInterval, "persistConsumerOffsetInterval");
        positive(rebalanceInterval, "rebalanceInterval");
        positive(mqClientApiTimeout, "mqClientApiTimeout");
        positive(pullTimeDelayWhenException, "pullTimeDelayWhenException");
    }

    /** Apache's defaults (classic profile) for a {@code ;}-separated NameServer list. */
    public static ClientConfig of(String namesrvAddr) {
        return fromProfile(TimingProfile.CLASSIC, namesrvAddr);
    }

    /** Route poll and heartbeat intervals from {@code profile}; the other settings at Apache's defaults. */
    public static ClientConfig fromProfile(TimingProfile profile, String namesrvAddr) {
        return new ClientConfig(split(namesrvAddr), null, null, profile.clientRoutePollInterval(),
                profile.clientHeartbeatInterval(), Duration.ofSeconds(5), Duration.ofSeconds(20),
                Duration.ofSeconds(3), Duration.ofSeconds(1), null);
    }

    static List<String> split(String namesrvAddr) {
        Objects.requireNonNull(namesrvAddr, "namesrvAddr");
        return Arrays.stream(namesrvAddr.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public ClientConfig withInstanceName(String name) {
        return new ClientConfig(namesrvAddrs, name, clientIp, pollNameServerInterval, heartbeatBrokerInterval,
                persistConsumerOffsetInterval, rebalanceInterval, mqClientApiTimeout, pullTimeDelayWhenException,
                localOffsetDir);
    }

    public ClientConfig withClientIp(String ip) {
        return new ClientConfig(namesrvAddrs, instanceName, ip, pollNameServerInterval, heartbeatBrokerInterval,
                persistConsumerOffsetInterval, rebalanceInterval, mqClientApiTimeout, pullTimeDelayWhenException,
                localOffsetDir);
    }

    public ClientConfig withPollNameServerInterval(Duration d) {
        return new ClientConfig(namesrvAddrs, instanceName, clientIp, d, heartbeatBrokerInterval,
                persistConsumerOffsetInterval, rebalanceInterval, mqClientApiTimeout, pullTimeDelayWhenException,
                localOffsetDir);
    }

    public ClientConfig withHeartbeatBrokerInterval(Duration d) {
        return new ClientConfig(namesrvAddrs, instanceName, clientIp, pollNameServerInterval, d,
                persistConsumerOffsetInterval, rebalanceInterval, mqClientApiTimeout, pullTimeDelayWhenException,
                localOffsetDir);
    }

    public ClientConfig withPersistConsumerOffsetInterval(Duration d) {
        return new ClientConfig(namesrvAddrs, instanceName, clientIp, pollNameServerInterval,
                heartbeatBrokerInterval, d, rebalanceInterval, mqClientApiTimeout, pullTimeDelayWhenException,
                localOffsetDir);
    }

    public ClientConfig withRebalanceInterval(Duration d) {
        return new ClientConfig(namesrvAddrs, instanceName, clientIp, pollNameServerInterval,
                heartbeatBrokerInterval, persistConsumerOffsetInterval, d, mqClientApiTimeout,
                pullTimeDelayWhenException, localOffsetDir);
    }

    public ClientConfig withMqClientApiTimeout(Duration d) {
        return new ClientConfig(namesrvAddrs, instanceName, clientIp, pollNameServerInterval,
                heartbeatBrokerInterval, persistConsumerOffsetInterval, rebalanceInterval, d,
                pullTimeDelayWhenException, localOffsetDir);
    }

    public ClientConfig withPullTimeDelayWhenException(Duration d) {
        return new ClientConfig(namesrvAddrs, instanceName, clientIp, pollNameServerInterval,
                heartbeatBrokerInterval, persistConsumerOffsetInterval, rebalanceInterval, mqClientApiTimeout, d,
                localOffsetDir);
    }

    public ClientConfig withLocalOffsetDir(Path dir) {
        return new ClientConfig(namesrvAddrs, instanceName, clientIp, pollNameServerInterval,
                heartbeatBrokerInterval, persistConsumerOffsetInterval, rebalanceInterval, mqClientApiTimeout,
                pullTimeDelayWhenException, dir);
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }
}
