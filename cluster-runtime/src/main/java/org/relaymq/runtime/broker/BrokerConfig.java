package org.relaymq.runtime.broker;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import org.relaymq.protocol.body.PermName;
import org.relaymq.protocol.message.DelayLevels;
import org.relaymq.runtime.common.TimingProfile;
import org.relaymq.runtime.common.net.HostAddresses;

/**
 * The broker's own settings (not the message store's), named after Apache RocketMQ's {@code broker.conf}
 * keys. Immutable; {@link #builder()} starts from the defaults, {@link #fromProperties} reads a config file.
 *
 * @param brokerClusterName         cluster this broker belongs to; default {@code DefaultCluster}
 * @param brokerName                name shared by a master and its slaves
 * @param brokerId                  0 for a master, above 0 for a slave
 * @param brokerIP1                 host advertised to NameServers and clients
 * @param brokerIP2                 host advertised for HA (slaves connect to it); default brokerIP1
 * @param listenPort                main port (default 10911); the broker also serves listenPort − 2 and HA on + 1
 * @param namesrvAddr               every NameServer ("host:port"); from the {@code ;}-separated key
 * @param brokerRole                ASYNC_MASTER (default), SYNC_MASTER or SLAVE
 * @param flushDiskType             {@code ASYNC_FLUSH} (default) or {@code SYNC_FLUSH}; read by the store
 * @param storePathRootDir          root of the store and of {@code config/} (topics, offsets, groups)
 * @param autoCreateTopicEnable     TBW102 exists and producers may create topics by sending; default true
 * @param autoCreateSubscriptionGroup unknown consumer groups are created on first use; default true
 * @param defaultTopicQueueNums     queues of TBW102; default 8
 * @param registerNameServerPeriod  period of REGISTER_BROKER; from the timing profile (30 s / 3 s)
 * @param registerBrokerTimeout     bound of one registration attempt per NameServer; default 6 s
 * @param compressedRegister        send the deflated REGISTER_BROKER body; default false
 * @param clientChannelExpiry       client channels silent for longer are dropped; profile (120 s / 12 s)
 * @param clientChannelScanInterval how often silent client channels are looked for; profile (10 s / 1 s)
 * @param flushConsumerOffsetInterval how often consumer and delay offsets are written; default 5 s
 * @param rebalanceLockMaxLiveTime  an orderly-consumer queue lock older than this may be taken; default 60 s
 * @param brokerPermission          6 = read+write; when not 6 every topic is announced with this perm
 * @param regionId                  ext {@code MSG_REGION} of send responses; default {@code DefaultRegion}
 * @param traceOn                   ext {@code TRACE_ON} of send responses; default true
 * @param traceTopicEnable          create {@code RMQ_SYS_TRACE_TOPIC}; default false
 * @param messageDelayLevel         delay levels, {@code 1s 5s ... 2h}
 * @param profileName               timing profile the defaults came from (shown by the console)
 */
public record BrokerConfig(String brokerClusterName, String brokerName, long brokerId, String brokerIP1,
                           String brokerIP2, int listenPort, List<String> namesrvAddr, BrokerRole brokerRole,
                           String flushDiskType, Path storePathRootDir, boolean autoCreateTopicEnable,
                           boolean autoCreateSubscriptionGroup, int defaultTopicQueueNums,
                           Duration registerNameServerPeriod, Duration registerBrokerTimeout,
                           boolean compressedRegister, Duration clientChannelExpiry,
                           Duration clientChannelScanInterval, Duration flushConsumerOffsetInterval,
                           Duration rebalanceLockMaxLiveTime, int brokerPermission, String regionId,
                           boolean traceOn, boolean traceTopicEnable, String messageDelayLevel,
                           String profileName) {

    public static final String DEFAULT_CLUSTER = "DefaultCluster";
    public static final int DEFAULT_LISTEN_PORT = 10911;
    public static final Set<String> FLUSH_DISK_TYPES = Set.of("ASYNC_FLUSH", "SYNC_FLUSH");

    public BrokerConfig {
        requireText(brokerClusterName, "brokerClusterName");
        requireText(brokerName, "brokerName");
        requireText(brokerIP1, "brokerIP1");
        brokerIP2 = brokerIP2 == null || brokerIP2.isBlank() ? brokerIP1 : brokerIP2;
        namesrvAddr = List.copyOf(namesrvAddr == null ? List.of() : namesrvAddr);
        Objects.requireNonNull(brokerRole, "brokerRole");
        Objects.requireNonNull(storePathRootDir, "storePathRootDir");
        requireText(regionId, "regionId");
        requireText(profileName, "profileName");
        if (brokerRole.isMaster() && brokerId != 0) {
            throw new IllegalArgumentException("a master (" + brokerRole + ") must have brokerId 0, not " + brokerId);
        }
        if (!brokerRole.isMaster() && brokerId <= 0) {
            throw new IllegalArgumentException("a SLAVE must have brokerId > 0, not " + brokerId);
        }
        if (listenPort < 0 || listenPort > 65534) {
            throw new IllegalArgumentException("listenPort out of range: " + listenPort);
        }
        if (!FLUSH_DISK_TYPES.contains(flushDiskType)) {
            throw new IllegalArgumentException("flushDiskType '" + flushDiskType + "' is not ASYNC_FLUSH or SYNC_FLUSH");
        }
        if (defaultTopicQueueNums < 1 || defaultTopicQueueNums > 1024) {
            throw new IllegalArgumentException("defaultTopicQueueNums must be 1..1024: " + defaultTopicQueueNums);
        }
        if (brokerPermission < 0 || brokerPermission > 15) {
            throw new IllegalArgumentException("brokerPermission must be 0..15: " + brokerPermission);
        }
        requirePositive(registerNameServerPeriod, "registerNameServerPeriod");
        requirePositive(registerBrokerTimeout, "registerBrokerTimeout");
        requirePositive(clientChannelExpiry, "clientChannelExpiry");
        requirePositive(clientChannelScanInterval, "clientChannelScanInterval");
        requirePositive(flushConsumerOffsetInterval, "flushConsumerOffsetInterval");
        requirePositive(rebalanceLockMaxLiveTime, "rebalanceLockMaxLiveTime");
        DelayLevels.parse(messageDelayLevel);
    }

    /** Defaults for broker {@code broker-a} with the classic timing profile. */
    public static Builder builder() {
        return new Builder(TimingProfile.CLASSIC);
    }

    /** Defaults with the timing of {@code profile}. */
    public static Builder builder(TimingProfile profile) {
        return new Builder(profile);
    }

    /**
     * Reads RocketMQ-style keys ({@link BrokerConfigProperties#KNOWN_KEYS}); keys missing from
     * {@code props} keep their defaults, timing defaults come from {@code profile}.
     *
     * @throws IllegalArgumentException naming the key for a value that does not parse or is out of range
     */
    public static Loaded fromProperties(Properties props, TimingProfile profile) {
        return BrokerConfigProperties.read(props, profile);
    }

    /** The {@code broker.conf} keys {@link #fromProperties} reads. */
    public static Set<String> knownKeys() {
        return BrokerConfigProperties.KNOWN_KEYS;
    }

    /** A parsed config and the keys of the file it did not know (the bootstrap warns about them once). */
    public record Loaded(BrokerConfig config, List<String> unknownKeys) {
        public Loaded {
            Objects.requireNonNull(config, "config");
            unknownKeys = List.copyOf(unknownKeys);
        }
    }

    public boolean isSlave() {
        return !brokerRole.isMaster();
    }

    /** "brokerIP1:port": what NameServers and clients are told. */
    public String brokerAddr(int boundPort) {
        return brokerIP1 + ":" + boundPort;
    }

    /** "brokerIP2:haPort" (HA listens on listenPort + 1). */
    public String haServerAddr(int haPort) {
        return brokerIP2 + ":" + haPort;
    }

    /** The VIP ("fast") port, listenPort − 2, or 0 when the listen port is ephemeral. */
    public int vipPort() {
        return listenPort == 0 ? 0 : listenPort - 2;
    }

    /** The HA port, listenPort + 1, or 0 when the listen port is ephemeral. */
    public int haListenPort() {
        return listenPort == 0 ? 0 : listenPort + 1;
    }

    /** Where topics.json, consumerOffset.json, delayOffset.json and subscriptionGroup.json live. */
    public Path configDir() {
        return storePathRootDir.resolve("config");
    }

    public boolean isBrokerWritable() {
        return PermName.isWritable(brokerPermission);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }

    /** Mutable step towards a {@link BrokerConfig}; {@link #build()} validates. */
    public static final class Builder {
        String brokerClusterName = DEFAULT_CLUSTER;
        String brokerName = "broker-a";
        long brokerId;
        String brokerIP1;
        String brokerIP2;
        int listenPort = DEFAULT_LISTEN_PORT;
        List<String> namesrvAddr = List.of();
        BrokerRole brokerRole = BrokerRole.ASYNC_MASTER;
        String flushDiskType = "ASYNC_FLUSH";
        Path storePathRootDir = Path.of(System.getProperty("user.home"), "store");
        boolean autoCreateTopicEnable = true;
        boolean autoCreateSubscriptionGroup = true;
        int defaultTopicQueueNums = 8;
        Duration registerNameServerPeriod;
        Duration registerBrokerTimeout = Duration.ofSeconds(6);
        boolean compressedRegister;
        Duration clientChannelExpiry;
        Duration clientChannelScanInterval;
        Duration flushConsumerOffsetInterval = Duration.ofSeconds(5);
        Duration rebalanceLockMaxLiveTime = Duration.ofSeconds(60);
        int brokerPermission = PermName.READ_WRITE;
        String regionId = "DefaultRegion";
        boolean traceOn = true;
        boolean traceTopicEnable;
        String messageDelayLevel = DelayLevels.DEFAULT_LEVELS;
        String profileName;

        private Builder(TimingProfile profile) {
            registerNameServerPeriod = profile.brokerRegisterInterval();
            clientChannelExpiry = profile.brokerExpiry();
            clientChannelScanInterval = profile.namesrvScanInterval();
            profileName = profile.name();
        }

        private Builder(BrokerConfig c) {
            brokerClusterName = c.brokerClusterName;
            brokerName = c.brokerName;
            brokerId = c.brokerId;
            brokerIP1 = c.brokerIP1;
            // a brokerIP2 equal to brokerIP1 was defaulted from it: keep following brokerIP1 when that changes
            brokerIP2 = c.brokerIP2.equals(c.brokerIP1) ? null : c.brokerIP2;
            listenPort = c.listenPort;
            namesrvAddr = c.namesrvAddr;
            brokerRole = c.brokerRole;
            flushDiskType = c.flushDiskType;
            storePathRootDir = c.storePathRootDir;
            autoCreateTopicEnable = c.autoCreateTopicEnable;
            autoCreateSubscriptionGroup = c.autoCreateSubscriptionGroup;
            defaultTopicQueueNums = c.defaultTopicQueueNums;
            registerNameServerPeriod = c.registerNameServerPeriod;
            registerBrokerTimeout = c.registerBrokerTimeout;
            compressedRegister = c.compressedRegister;
            copyRest(c);
        }

        private void copyRest(BrokerConfig c) {
            clientChannelExpiry = c.clientChannelExpiry;
            clientChannelScanInterval = c.clientChannelScanInterval;
            flushConsumerOffsetInterval = c.flushConsumerOffsetInterval;
            rebalanceLockMaxLiveTime = c.rebalanceLockMaxLiveTime;
            brokerPermission = c.brokerPermission;
            regionId = c.regionId;
            traceOn = c.traceOn;
            traceTopicEnable = c.traceTopicEnable;
            messageDelayLevel = c.messageDelayLevel;
            profileName = c.profileName;
        }

        public Builder brokerClusterName(String v) { brokerClusterName = v; return this; }
        public Builder brokerName(String v) { brokerName = v; return this; }
        public Builder brokerId(long v) { brokerId = v; return this; }
        public Builder brokerIP1(String v) { brokerIP1 = v; return this; }
        public Builder brokerIP2(String v) { brokerIP2 = v; return this; }
        public Builder listenPort(int v) { listenPort = v; return this; }
        public Builder namesrvAddr(List<String> v) { namesrvAddr = v; return this; }
        public Builder brokerRole(BrokerRole v) { brokerRole = v; return this; }
        public Builder flushDiskType(String v) { flushDiskType = v; return this; }
        public Builder storePathRootDir(Path v) { storePathRootDir = v; return this; }
        public Builder autoCreateTopicEnable(boolean v) { autoCreateTopicEnable = v; return this; }
        public Builder autoCreateSubscriptionGroup(boolean v) { autoCreateSubscriptionGroup = v; return this; }
        public Builder defaultTopicQueueNums(int v) { defaultTopicQueueNums = v; return this; }
        public Builder registerNameServerPeriod(Duration v) { registerNameServerPeriod = v; return this; }
        public Builder registerBrokerTimeout(Duration v) { registerBrokerTimeout = v; return this; }
        public Builder compressedRegister(boolean v) { compressedRegister = v; return this; }
        public Builder clientChannelExpiry(Duration v) { clientChannelExpiry = v; return this; }
        public Builder clientChannelScanInterval(Duration v) { clientChannelScanInterval = v; return this; }
        public Builder flushConsumerOffsetInterval(Duration v) { flushConsumerOffsetInterval = v; return this; }
        public Builder rebalanceLockMaxLiveTime(Duration v) { rebalanceLockMaxLiveTime = v; return this; }
        public Builder brokerPermission(int v) { brokerPermission = v; return this; }
        public Builder regionId(String v) { regionId = v; return this; }
        public Builder traceOn(boolean v) { traceOn = v; return this; }
        public Builder traceTopicEnable(boolean v) { traceTopicEnable = v; return this; }
        public Builder messageDelayLevel(String v) { messageDelayLevel = v; return this; }

        /** Validates and builds; brokerIP1 defaults to this machine's first site address. */
        public BrokerConfig build() {
            String ip1 = brokerIP1 == null || brokerIP1.isBlank() ? HostAddresses.advertised("0.0.0.0") : brokerIP1;
            return new BrokerConfig(brokerClusterName, brokerName, brokerId, ip1, brokerIP2, listenPort, namesrvAddr,
                    brokerRole, flushDiskType, storePathRootDir, autoCreateTopicEnable, autoCreateSubscriptionGroup,
                    defaultTopicQueueNums, registerNameServerPeriod, registerBrokerTimeout, compressedRegister,
                    clientChannelExpiry, clientChannelScanInterval, flushConsumerOffsetInterval,
                    rebalanceLockMaxLiveTime, brokerPermission, regionId, traceOn, traceTopicEnable,
                    messageDelayLevel, profileName);
        }
    }
}
