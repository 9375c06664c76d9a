package org.relaymq.runtime.broker.registration;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import org.relaymq.protocol.body.RegisterBrokerBody;
import org.relaymq.protocol.body.TopicConfigSerializeWrapper;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.event.EventData;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.header.RegisterBrokerRequestHeader;
import org.relaymq.protocol.header.RegisterBrokerResponseHeader;
import org.relaymq.protocol.header.UnregisterBrokerRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.telemetry.EventSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers the broker with every NameServer: at start, every {@code period}, and at once when asked
 * (topic changes). Each NameServer is called asynchronously and independently, each call bounded by
 * {@code timeout}, so a slow or dead NameServer never holds up the others. Every attempt is reported as
 * a REGISTER_SENT event. For a slave, remembers the master's address and HA address the NameServers
 * answer. Does not own the remoting client.
 */
public final class NamesrvRegistrar implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NamesrvRegistrar.class);

    private final RegistrarSettings settings;
    private final Supplier<TopicConfigSerializeWrapper> topics;
    private final NettyRemotingClient client;
    private final Scheduler scheduler;
    private final TimeSource time;
    private final EventSink events;
    private final List<NamesrvTarget> targets;
    private final MasterAddresses master;
    private volatile BrokerIdentity identity;
    private Scheduler.Cancellable periodic;
    private boolean closed;

    public NamesrvRegistrar(RegistrarSettings settings, Supplier<TopicConfigSerializeWrapper> topics,
                            NettyRemotingClient client, Scheduler scheduler, TimeSource time, EventSink events) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.topics = Objects.requireNonNull(topics, "topics");
        this.client = Objects.requireNonNull(client, "client");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.time = Objects.requireNonNull(time, "time");
        this.events = Objects.requireNonNull(events, "events");
        this.targets = settings.namesrvAddrs().stream().map(NamesrvTarget::new).toList();
        this.master = new MasterAddresses(events);
    }

    /** Registers now with every NameServer, then every period. */
    public synchronized CompletableFuture<List<RegisterOutcome>> start(BrokerIdentity brokerIdentity) {
        if (closed) {
            throw new IllegalStateException("registrar closed");
        }
        this.identity = Objects.requireNonNull(brokerIdentity, "identity");
        if (periodic == null) {
            periodic = scheduler.scheduleWithFixedDelay(() -> registerAll("periodic"), settings.period(),
                    settings.period());
        }
        return registerAll("start");
    }

    /**
     * One REGISTER_BROKER to every NameServer in parallel; the future completes when each has answered
     * or failed (never later than the timeout). Does nothing before {@link #start} or after close.
     */
    public CompletableFuture<List<RegisterOutcome>> registerAll(String trigger) {
        BrokerIdentity id = identity;
        if (id == null || isClosed()) {
            return CompletableFuture.completedFuture(List.of());
        }
        List<CompletableFuture<RegisterOutcome>> all = new ArrayList<>();
        for (NamesrvTarget target : targets) {
            all.add(target.request(() -> send(target.address(), id, trigger)));
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                .thenApply(v -> all.stream().map(CompletableFuture::join).toList());
    }

    private CompletableFuture<RegisterOutcome> send(String namesrv, BrokerIdentity id, String trigger) {
        TopicConfigSerializeWrapper wrapper = topics.get();
        RemotingCommand request = registerRequest(id, wrapper);
        long start = time.nanoTime();
        return client.invokeAsync(namesrv, request, settings.timeout().toMillis())
                .handle((response, error) -> outcome(namesrv, start, response, error))
                .thenApply(outcome -> report(outcome, trigger, wrapper));
    }

    private RemotingCommand registerRequest(BrokerIdentity id, TopicConfigSerializeWrapper wrapper) {
        byte[] body = new RegisterBrokerBody(wrapper, List.of()).encode(settings.compressed());
        CRC32 crc = new CRC32();
        crc.update(body);
        int crc32 = (int) (crc.getValue() & 0x7FFFFFFF);
        RegisterBrokerRequestHeader header = new RegisterBrokerRequestHeader(id.brokerName(), id.brokerAddr(),
                id.clusterName(), id.haServerAddr(), id.brokerId(), settings.compressed(), crc32);
        return RemotingCommand.request(RequestCode.REGISTER_BROKER, header.toExt(), body);
    }

    private RegisterOutcome outcome(String namesrv, long startNanos, RemotingCommand response, Throwable error) {
        long latency = TimeUnit.NANOSECONDS.toMillis(time.nanoTime() - startNanos);
        if (error != null) {
            String message = error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage();
            return new RegisterOutcome(namesrv, false, latency, message, null, null);
        }
        if (response.code() != 0) {
            return new RegisterOutcome(namesrv, false, latency, "code " + response.code() + ": "
                    + response.remark(), null, null);
        }
        RegisterBrokerResponseHeader header = RegisterBrokerResponseHeader.fromExt(response.ext());
        return new RegisterOutcome(namesrv, true, latency, null, header.masterAddr(), header.haServerAddr());
    }

    private RegisterOutcome report(RegisterOutcome o, String trigger, TopicConfigSerializeWrapper wrapper) {
        events.publish(EventKind.REGISTER_SENT, EventData.create()
                .put("namesrv", o.namesrv())
                .put("ok", o.ok())
                .put("latencyMs", o.latencyMillis())
                .put("error", o.error())
                .put("trigger", trigger)
                .put("topics", wrapper.topicConfigTable().size())
                .put("dataVersion", wrapper.dataVersion() == null ? null : wrapper.dataVersion().counter())
                .build());
        if (!o.ok()) {
            LOG.warn("register to NameServer {} failed after {} ms: {}", o.namesrv(), o.latencyMillis(), o.error());
        } else if (identity != null && identity.brokerId() != 0) {
            master.update(identity, o.masterAddr(), o.haServerAddr());
        }
        return o;
    }

    /** For a slave: the live master's address, as the NameServers last said. */
    public Optional<String> masterAddress() {
        return master.masterAddr();
    }

    /** For a slave: the live master's HA address, as the NameServers last said. */
    public Optional<String> haMasterAddress() {
        return master.haMasterAddr();
    }

    /**
     * UNREGISTER_BROKER to every NameServer in parallel (graceful shutdown); waits at most the timeout.
     * Returns the NameServers that confirmed.
     */
    public List<String> unregisterAll() {
        BrokerIdentity id = identity;
        if (id == null) {
            return List.of();
        }
        UnregisterBrokerRequestHeader header = new UnregisterBrokerRequestHeader(id.brokerName(), id.brokerAddr(),
                id.clusterName(), id.brokerId());
        List<CompletableFuture<String>> calls = new ArrayList<>();
        for (NamesrvTarget target : targets) {
            RemotingCommand request = RemotingCommand.request(RequestCode.UNREGISTER_BROKER, header.toExt());
            calls.add(client.invokeAsync(target.address(), request, settings.timeout().toMillis())
                    .handle((r, e) -> e == null && r.code() == 0 ? target.address() : null));
        }
        awaitAll(calls);
        List<String> confirmed = calls.stream().map(f -> f.getNow(null)).filter(Objects::nonNull).toList();
        LOG.info("unregistered from {} of {} NameServers", confirmed.size(), targets.size());
        return confirmed;
    }

    private void awaitAll(List<CompletableFuture<String>> calls) {
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new))
                    .get(settings.timeout().toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("unregister did not finish everywhere: {}", e.toString());
        }
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** Stops the periodic registration (does not unregister). Idempotent. */
    @Override
    public synchronized void close() {
        closed = true;
        if (periodic != null) {
            periodic.cancel();
            periodic = null;
        }
    }

    /** The registrar's settings: NameServers, period, per-attempt timeout, body form. */
    public record RegistrarSettings(List<String> namesrvAddrs, Duration period, Duration timeout,
                                    boolean compressed) {
        public RegistrarSettings {
            namesrvAddrs = List.copyOf(namesrvAddrs);
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(timeout, "timeout");
        }

        public static RegistrarSettings of(org.relaymq.runtime.broker.BrokerConfig config) {
            return new RegistrarSettings(config.namesrvAddr(), config.registerNameServerPeriod(),
                    config.registerBrokerTimeout(), config.compressedRegister());
        }
    }
}
