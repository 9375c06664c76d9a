package org.relaymq.runtime.broker.ha;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.function.Supplier;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.runtime.broker.BrokerRole;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.common.concurrent.Executors2;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NetworkFaultTable;
import org.relaymq.runtime.telemetry.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replication for one broker, by role: a master runs an {@link HaServer}, a slave an {@link HaClient} and
 * (if attached) the {@link SlaveMetadataSync}. The role is changed only on this service's control thread
 * (single writer); {@link #role()} and the other readers see the latest published value. Publishes ROLE at
 * start and on each change, and REPLICATION every {@code statsInterval}.
 */
public final class HaService implements ReplicaAcks, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HaService.class);

    private final HaConfig config;
    private final MessageStore store;
    private final Supplier<Optional<String>> learnedHaMasterAddress;
    private final EventSink events;
    private final Scheduler scheduler;
    private final TimeSource time;
    private final ThreadPoolExecutor control = Executors2.fixedBounded("ha-control", 1, 64);
    private final ReplicationReporter reporter;
    private final SyncMasterGate gate;
    private final NetworkFaultTable faults;
    private volatile BrokerRole role;
    private volatile HaServer server;
    private volatile HaClient client;
    private volatile SlaveMetadataSync metadataSync;
    private Scheduler.Cancellable statsTimer;
    private boolean started;
    private boolean closed;

    /**
     * @param learnedHaMasterAddress the master HA address from REGISTER_BROKER answers (used by a slave when
     *                               {@link HaConfig#haMasterAddress()} is null), e.g.
     *                               {@code registrar::haMasterAddress}
     */
    public HaService(HaConfig config, BrokerRole initialRole, MessageStore store,
                     Supplier<Optional<String>> learnedHaMasterAddress, EventSink events, Scheduler scheduler,
                     TimeSource time) {
        this(config, initialRole, store, learnedHaMasterAddress, events, scheduler, time, null);
    }

    /**
     * As above, with the node's fault table filtering the slave's link to its master (null: no filter). The
     * master side is not filtered: it only accepts connections.
     */
    public HaService(HaConfig config, BrokerRole initialRole, MessageStore store,
                     Supplier<Optional<String>> learnedHaMasterAddress, EventSink events, Scheduler scheduler,
                     TimeSource time, NetworkFaultTable faults) {
        this.faults = faults;
        this.config = Objects.requireNonNull(config, "config");
        this.role = Objects.requireNonNull(initialRole, "initialRole");
        this.store = Objects.requireNonNull(store, "store");
        this.learnedHaMasterAddress = Objects.requireNonNull(learnedHaMasterAddress, "learnedHaMasterAddress");
        this.events = Objects.requireNonNull(events, "events");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.time = Objects.requireNonNull(time, "time");
        this.reporter = new ReplicationReporter(events, time);
        this.gate = new SyncMasterGate(this, config.slaveTimeout());
        store.onArrival((topic, queueId, maxOffset, tagsCode, storeTimestamp) -> {
            HaServer s = server;
            if (s != null) {
                s.onStoreAppended();
            }
        });
    }

    /** Runs {@code sync} while this broker is a slave (attach before {@link #start}). */
    public void attachMetadataSync(SlaveMetadataSync sync) {
        this.metadataSync = sync;
    }

    /** Applies the initial role (binding the HA port of a master) and starts the REPLICATION events. */
    public void start() {
        synchronized (this) {
            if (started || closed) {
                throw new IllegalStateException(closed ? "HA service closed" : "HA service already started");
            }
            started = true;
            statsTimer = scheduler.scheduleWithFixedDelay(this::reportStats, config.statsInterval(),
                    config.statsInterval());
        }
        CompletableFuture.runAsync(() -> enter(role, null), control).join();
    }

    /** Changes the role on the control thread: stops the old side, starts the new one, publishes ROLE. */
    public CompletableFuture<BrokerRole> switchRole(BrokerRole newRole) {
        Objects.requireNonNull(newRole, "newRole");
        return CompletableFuture.supplyAsync(() -> {
            BrokerRole old = role;
            if (old == newRole) {
                return old;
            }
            leave();
            role = newRole;
            enter(newRole, old);
            return newRole;
        }, control);
    }

    private void enter(BrokerRole r, BrokerRole previous) {
        EventData data = EventData.create().put("role", r.name()).put("previousRole",
                previous == null ? null : previous.name());
        if (r.isMaster()) {
            HaServer s = new HaServer(config, store, events, scheduler, time);
            data.put("haPort", s.start());
            server = s;
        } else {
            HaClient c = new HaClient(config, store, learnedHaMasterAddress, events, scheduler, time, faults);
            client = c;
            c.start();
            data.put("haMasterAddr", c.masterAddress().orElse(null));
            SlaveMetadataSync sync = metadataSync;
            if (sync != null) {
                sync.start();
            }
        }
        LOG.info("HA role {} (was {})", r, previous);
        events.publish(EventKind.ROLE, data.put("source", "ha").build());
    }

    private void leave() {
        HaServer s = server;
        server = null;
        if (s != null) {
            s.close();
        }
        HaClient c = client;
        client = null;
        if (c != null) {
            c.close();
        }
        SlaveMetadataSync sync = metadataSync;
        if (sync != null) {
            sync.stop();
        }
    }

    private void reportStats() {
        HaServer s = server;
        HaClient c = client;
        if (s != null) {
            reporter.reportMaster(store.commitLogMaxOffset(), s.replicas());
        } else if (c != null) {
            reporter.reportSlave(store.commitLogMaxOffset(), c.link(), c.masterAddress());
        }
    }

    public BrokerRole role() {
        return role;
    }

    /** The bound HA port of a master, 0 otherwise. */
    public int haPort() {
        HaServer s = server;
        return s == null ? 0 : s.port();
    }

    public Optional<HaServer> server() {
        return Optional.ofNullable(server);
    }

    public Optional<HaClient> client() {
        return Optional.ofNullable(client);
    }

    /** The SYNC_MASTER step for the send path (uses this service's current server). */
    public SyncMasterGate gate() {
        return gate;
    }

    @Override
    public boolean isSlaveHealthy(long masterOffset) {
        HaServer s = server;
        return s != null && s.isSlaveHealthy(masterOffset);
    }

    @Override
    public CompletableFuture<Boolean> waitForAck(long offset, Duration timeout) {
        HaServer s = server;
        return s == null ? CompletableFuture.completedFuture(false) : s.waitForAck(offset, timeout);
    }

    /** Stops the current side and the timers. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (statsTimer != null) {
                statsTimer.cancel();
            }
        }
        try {
            CompletableFuture.runAsync(this::leave, control).join();
        } finally {
            Executors2.shutdownAndAwait(control, Duration.ofSeconds(5));
        }
    }
}
