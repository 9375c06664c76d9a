package org.relaymq.runtime.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.relaymq.runtime.common.TimingProfile;

/**
 * Reads a {@link BrokerConfig} from RocketMQ-style {@code broker.conf} properties. Durations are
 * milliseconds, as in RocketMQ. A master's brokerId is forced to 0, as Apache's startup does.
 */
final class BrokerConfigProperties {

    /** Every key this reader understands. */
    static final Set<String> KNOWN_KEYS = Set.of("brokerClusterName", "brokerName", "brokerId", "brokerIP1",
            "brokerIP2", "listenPort", "namesrvAddr", "brokerRole", "flushDiskType", "storePathRootDir",
            "autoCreateTopicEnable", "autoCreateSubscriptionGroup", "defaultTopicQueueNums",
            "registerNameServerPeriod", "registerBrokerTimeoutMills", "compressedRegister", "clientChannelExpiry",
            "clientChannelScanInterval", "flushConsumerOffsetInterval", "rebalanceLockMaxLiveTime",
            "brokerPermission", "regionId", "traceOn", "traceTopicEnable", "messageDelayLevel");

    private final Properties props;

    private BrokerConfigProperties(Properties props) {
        this.props = props;
    }

    static BrokerConfig.Loaded read(Properties props, TimingProfile profile) {
        BrokerConfigProperties r = new BrokerConfigProperties(props);
        BrokerConfig.Builder b = BrokerConfig.builder(profile);
        r.identity(b);
        r.behaviour(b);
        r.timers(b);
        BrokerConfig config;
        try {
            config = b.build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("broker config: " + e.getMessage(), e);
        }
        Set<String> unknown = new TreeSet<>(props.stringPropertyNames());
        unknown.removeAll(KNOWN_KEYS);
        return new BrokerConfig.Loaded(config, List.copyOf(unknown));
    }

    private void identity(BrokerConfig.Builder b) {
        text("brokerClusterName", b::brokerClusterName);
        text("brokerName", b::brokerName);
        text("brokerIP1", b::brokerIP1);
        text("brokerIP2", b::brokerIP2);
        String port = value("listenPort");
        if (port != null) {
            b.listenPort(parseInt("listenPort", port));
        }
        String role = value("brokerRole");
        if (role != null) {
            b.brokerRole(BrokerRole.parse(role));
        }
        String id = value("brokerId");
        if (id != null) {
            b.brokerId(parseLong("brokerId", id));
        }
        if (b.brokerRole.isMaster()) {
            b.brokerId(0);
        }
        String namesrv = value("namesrvAddr");
        if (namesrv != null) {
            b.namesrvAddr(Arrays.stream(namesrv.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList());
        }
        String root = value("storePathRootDir");
        if (root != null) {
            b.storePathRootDir(Path.of(root));
        }
    }

    private void behaviour(BrokerConfig.Builder b) {
        String flush = value("flushDiskType");
        if (flush != null) {
            b.flushDiskType(flush.toUpperCase(Locale.ROOT));
        }
        bool("autoCreateTopicEnable", b::autoCreateTopicEnable);
        bool("autoCreateSubscriptionGroup", b::autoCreateSubscriptionGroup);
        bool("compressedRegister", b::compressedRegister);
        bool("traceOn", b::traceOn);
        bool("traceTopicEnable", b::traceTopicEnable);
        String queues = value("defaultTopicQueueNums");
        if (queues != null) {
            b.defaultTopicQueueNums(parseInt("defaultTopicQueueNums", queues));
        }
        String perm = value("brokerPermission");
        if (perm != null) {
            b.brokerPermission(parseInt("brokerPermission", perm));
        }
        text("regionId", b::regionId);
        text("messageDelayLevel", b::messageDelayLevel);
    }

    private void timers(BrokerConfig.Builder b) {
        millis("registerNameServerPeriod", b::registerNameServerPeriod);
        millis("registerBrokerTimeoutMills", b::registerBrokerTimeout);
        millis("clientChannelExpiry", b::clientChannelExpiry);
        millis("clientChannelScanInterval", b::clientChannelScanInterval);
        millis("flushConsumerOffsetInterval", b::flushConsumerOffsetInterval);
        millis("rebalanceLockMaxLiveTime", b::rebalanceLockMaxLiveTime);
    }

    private String value(String key) {
        String v = props.getProperty(key);
        return v == null || v.isBlank() ? null : v.trim();
    }

    private void text(String key, java.util.function.Consumer<String> setter) {
        String v = value(key);
        if (v != null) {
            setter.accept(v);
        }
    }

    private void bool(String key, java.util.function.Consumer<Boolean> setter) {
        String v = value(key);
        if (v == null) {
            return;
        }
        if (!"true".equalsIgnoreCase(v) && !"false".equalsIgnoreCase(v)) {
            throw new IllegalArgumentException("broker config " + key + "=" + v + " is not true or false");
        }
        setter.accept(Boolean.parseBoolean(v.toLowerCase(Locale.ROOT)));
    }

    private void millis(String key, java.util.function.Consumer<Duration> setter) {
        String v = value(key);
        if (v != null) {
            setter.accept(Duration.ofMillis(parseLong(key, v)));
        }
    }

    private static int parseInt(String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("broker config " + key + "=" + v + " is not a number", e);
        }
    }

    private static long parseLong(String key, String v) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("broker config " + key + "=" + v + " is not a number", e);
        }
    }
}
