package org.relaymq.runtime.broker.ha;

import java.time.Duration;
import java.util.Objects;
import org.relaymq.runtime.broker.BrokerConfig;

/**
 * Settings of master/slave replication (protocol.md §9.1–§9.3), named after Apache RocketMQ's keys where
 * one exists. Immutable; {@link #defaults(int)} gives the 4.x values, tests shrink the intervals.
 *
 * @param bindHost              interface the master's HA port binds to; default {@code 0.0.0.0}
 * @param haListenPort          master HA port (broker listen port + 1; 0 = ephemeral)
 * @param haMasterAddress       slave: fixed master HA address "host:port"; null = learn it from the
 *                              NameServer registration answers (re-read on every reconnect)
 * @param haTransferBatchSize   largest data frame the master sends; default 32 KiB
 * @param haSendHeartbeatInterval master: heartbeat frame when idle this long; slave: report at least this
 *                              often; default 5 s
 * @param haHousekeepingInterval master drops a slave it has not heard from for this long; the slave drops
 *                              a master link it has not written a report to (or read from) for this long;
 *                              default 20 s
 * @param haSlaveFallbehindMax  a slave lagging by this many bytes or more is not "healthy"; default 256 MiB
 * @param slaveTimeout          how long a SYNC_MASTER send waits for a slave ack; default 3 s
 * @param startPolicy           where the master starts for a slave that reports offset 0
 * @param reconnectMinBackoff   slave: first reconnect delay after a loss; default 1 s
 * @param reconnectMaxBackoff   slave: the delay doubles up to this; default 5 s, the fixed retry interval of
 *                              a 4.x slave, so a restarted master has its slave back within 5 s
 * @param tickInterval          period of the housekeeping / heartbeat / report check; default 500 ms
 * @param statsInterval         period of the REPLICATION event; default 1 s
 * @param syncInitialDelay      slave metadata sync: first run; default 3 s
 * @param syncPeriod            slave metadata sync: period; default 10 s
 * @param syncTimeout           slave metadata sync: bound of one remoting call; default 3 s
 * @param syncUseVipChannel     GET_ALL_TOPIC_CONFIG goes to the master's port − 2 first, as 4.x does
 */
public record HaConfig(String bindHost, int haListenPort, String haMasterAddress, int haTransferBatchSize,
                       Duration haSendHeartbeatInterval, Duration haHousekeepingInterval,
                       long haSlaveFallbehindMax, Duration slaveTimeout, HaStartPolicy startPolicy,
                       Duration reconnectMinBackoff, Duration reconnectMaxBackoff, Duration tickInterval,
                       Duration statsInterval, Duration syncInitialDelay, Duration syncPeriod,
                       Duration syncTimeout, boolean syncUseVipChannel) {

    public static final int DEFAULT_TRANSFER_BATCH_SIZE = 32 * 1024;
    public static final long DEFAULT_FALLBEHIND_MAX = 256L * 1024 * 1024;

    public HaConfig {
        bindHost = bindHost == null || bindHost.isBlank() ? "0.0.0.0" : bindHost;
        haMasterAddress = haMasterAddress == null || haMasterAddress.isBlank() ? null : haMasterAddress.trim();
        if (haListenPort < 0 || haListenPort > 65535) {
            throw new IllegalArgumentException("haListenPort out of range: " + haListenPort);
        }
        if (haTransferBatchSize < 1) {
            throw new IllegalArgumentException("haTransferBatchSize must be positive: " + haTransferBatchSize);
        }
        if (haSlaveFallbehindMax < 1) {
            throw new IllegalArgumentException("haSlaveFallbehindMax must be positive: " + haSlaveFallbehindMax);
        }
        Objects.requireNonNull(startPolicy, "startPolicy");
        for (Duration d : new Duration[] {haSendHeartbeatInterval, haHousekeepingInterval, slaveTimeout,
                reconnectMinBackoff, reconnectMaxBackoff, tickInterval, statsInterval, syncPeriod, syncTimeout}) {
            if (d == null || d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException("HA intervals must be positive: " + d);
            }
        }
        if (syncInitialDelay == null || syncInitialDelay.isNegative()) {
            throw new IllegalArgumentException("syncInitialDelay must not be negative: " + syncInitialDelay);
        }
        if (reconnectMaxBackoff.compareTo(reconnectMinBackoff) < 0) {
            throw new IllegalArgumentException("reconnectMaxBackoff < reconnectMinBackoff");
        }
    }

    /** The 4.x defaults with the master HA port {@code haListenPort}. */
    public static HaConfig defaults(int haListenPort) {
        return new HaConfig("0.0.0.0", haListenPort, null, DEFAULT_TRANSFER_BATCH_SIZE, Duration.ofSeconds(5),
                Duration.ofSeconds(20), DEFAULT_FALLBEHIND_MAX, Duration.ofSeconds(3), HaStartPolicy.LAST_SEGMENT,
                Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofMillis(500), Duration.ofSeconds(1),
                Duration.ofSeconds(3), Duration.ofSeconds(10), Duration.ofSeconds(3), true);
    }

    /** Defaults for a broker: HA on its listen port + 1 (0 when the listen port is ephemeral). */
    public static HaConfig forBroker(BrokerConfig broker) {
        return defaults(broker.haListenPort());
    }

    public HaConfig withBindHost(String host) {
        return new HaConfig(host, haListenPort, haMasterAddress, haTransferBatchSize, haSendHeartbeatInterval,
                haHousekeepingInterval, haSlaveFallbehindMax, slaveTimeout, startPolicy, reconnectMinBackoff,
                reconnectMaxBackoff, tickInterval, statsInterval, syncInitialDelay, syncPeriod, syncTimeout,
                syncUseVipChannel);
    }

    public HaConfig withHaListenPort(int port) {
        return new HaConfig(bindHost, port, haMasterAddress, haTransferBatchSize, haSendHeartbeatInterval,
                haHousekeepingInterval, haSlaveFallbehindMax, slaveTimeout, startPolicy, reconnectMinBackoff,
                reconnectMaxBackoff, tickInterval, statsInterval, syncInitialDelay, syncPeriod, syncTimeout,
                syncUseVipChannel);
    }

    public HaConfig withHaMasterAddress(String address) {
        return new HaConfig(bindHost, haListenPort, address, haTransferBatchSize, haSendHeartbeatInterval,
                haHousekeepingInterval, haSlaveFallbehindMax, slaveTimeout, startPolicy, reconnectMinBackoff,
                reconnectMaxBackoff, tickInterval, statsInterval, syncInitialDelay, syncPeriod, syncTimeout,
                syncUseVipChannel);
    }

    public HaConfig withStartPolicy(HaStartPolicy policy) {
        return new HaConfig(bindHost, haListenPort, haMasterAddress, haTransferBatchSize, haSendHeartbeatInterval,
                haHousekeepingInterval, haSlaveFallbehindMax, slaveTimeout, policy, reconnectMinBackoff,
                reconnectMaxBackoff, tickInterval, statsInterval, syncInitialDelay, syncPeriod, syncTimeout,
                syncUseVipChannel);
    }

    public HaConfig withFallbehindMax(long bytes) {
        return new HaConfig(bindHost, haListenPort, haMasterAddress, haTransferBatchSize, haSendHeartbeatInterval,
                haHousekeepingInterval, bytes, slaveTimeout, startPolicy, reconnectMinBackoff,
                reconnectMaxBackoff, tickInterval, statsInterval, syncInitialDelay, syncPeriod, syncTimeout,
                syncUseVipChannel);
    }

    /** Heartbeat / report interval, housekeeping interval and tick. */
    public HaConfig withTimers(Duration heartbeat, Duration housekeeping, Duration tick) {
        return new HaConfig(bindHost, haListenPort, haMasterAddress, haTransferBatchSize, heartbeat, housekeeping,
                haSlaveFallbehindMax, slaveTimeout, startPolicy, reconnectMinBackoff, reconnectMaxBackoff, tick,
                statsInterval, syncInitialDelay, syncPeriod, syncTimeout, syncUseVipChannel);
    }

    public HaConfig withBackoff(Duration min, Duration max) {
        return new HaConfig(bindHost, haListenPort, haMasterAddress, haTransferBatchSize, haSendHeartbeatInterval,
                haHousekeepingInterval, haSlaveFallbehindMax, slaveTimeout, startPolicy, min, max, tickInterval,
                statsInterval, syncInitialDelay, syncPeriod, syncTimeout, syncUseVipChannel);
    }

    public HaConfig withStatsInterval(Duration interval) {
        return new HaConfig(bindHost, haListenPort, haMasterAddress, haTransferBatchSize, haSendHeartbeatInterval,
                haHousekeepingInterval, haSlaveFallbehindMax, slaveTimeout, startPolicy, reconnectMinBackoff,
                reconnectMaxBackoff, tickInterval, interval, syncInitialDelay, syncPeriod, syncTimeout,
                syncUseVipChannel);
    }

    public HaConfig withSlaveTimeout(Duration timeout) {
        return new HaConfig(bindHost, haListenPort, haMasterAddress, haTransferBatchSize, haSendHeartbeatInterval,
                haHousekeepingInterval, haSlaveFallbehindMax, timeout, startPolicy, reconnectMinBackoff,
                reconnectMaxBackoff, tickInterval, statsInterval, syncInitialDelay, syncPeriod, syncTimeout,
                syncUseVipChannel);
    }

    /** Slave metadata sync timing and whether topic config is fetched from the master's port − 2 first. */
    public HaConfig withMetadataSync(Duration initialDelay, Duration period, Duration timeout, boolean useVip) {
        return new HaConfig(bindHost, haListenPort, haMasterAddress, haTransferBatchSize, haSendHeartbeatInterval,
                haHousekeepingInterval, haSlaveFallbehindMax, slaveTimeout, startPolicy, reconnectMinBackoff,
                reconnectMaxBackoff, tickInterval, statsInterval, initialDelay, period, timeout, useVip);
    }
}
