package org.relaymq.console.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.event.EventKind;
import org.relaymq.protocol.event.FaultRules;
import org.relaymq.protocol.event.NodeEvent;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * What the console knows about the fault rules (partition, delay) of each node it supervises, and
 * only from the node itself: a SET_FAULTS or GET_FAULTS answer, or a FAULTS event. Unknown until the
 * node said so. A node's process is one incarnation (its pid): when it ends, what was known is
 * forgotten, and a restarted process (it starts without faults) is asked again.
 * <p>
 * GET_FAULTS goes to a node once it is RUNNING, again while its rules are unknown (every
 * {@link Settings#retryUnknown}), and while it has faults every {@link Settings#refreshFaulted}, so
 * the frame counters move. A paused node is not asked, nor one that answered it does not know the
 * request (until it restarts). Answers older than what is shown are ignored (each request and event
 * takes a sequence number). Thread-safe; listeners run on the thread that changed the state.
 */
public final class NodeFaults implements GatewayListener, AutoCloseable {

    /** How often to ask again. */
    public record Settings(Duration tick, Duration retryUnknown, Duration refreshFaulted) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(2));
        }
    }

    private final NodeSupervisor supervisor;
    private final ClusterGateway gateway;
    private final TimeSource time;
    private final Settings settings;
    private final Scheduler.Cancellable timer;
    private final Map<String, Entry> entries = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private long sequence;

    /** One node incarnation. Guarded by the enclosing instance. */
    private static final class Entry {
        final long pid;
        final String address;
        FaultReport report;
        FaultRules pending;
        String error;
        long shownSeq;
        boolean asking;
        long askedAt;
        boolean everAsked;
        boolean refusesFaults;

        Entry(long pid, String address) {
            this.pid = pid;
            this.address = address;
        }

        FaultStatus status() {
            return new FaultStatus(report, pending, error, refusesFaults);
        }
    }

    public NodeFaults(NodeSupervisor supervisor, ClusterGateway gateway, Scheduler scheduler, TimeSource time,
                      Settings settings) {
        this.supervisor = supervisor;
        this.gateway = gateway;
        this.time = time;
        this.settings = settings;
        supervisor.addListener(this::onNodeStatus);
        gateway.addListener(this);
        this.timer = scheduler.scheduleWithFixedDelay(this::askDue, settings.tick(), settings.tick());
    }

    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    /** What is known of the node's rules now; unknown for a node without a running process. */
    public synchronized FaultStatus status(String nodeId) {
        Entry e = entries.get(nodeId);
        return e == null ? FaultStatus.UNKNOWN : e.status();
    }

    /**
     * Sends SET_FAULTS to the node's current process. The status changes only when the node answers:
     * to its answer; after a refusal it stays as it was (with the node's remark); after no answer it
     * becomes unknown, since the node may or may not have applied the rules.
     */
    public CompletableFuture<FaultReport> set(String nodeId, FaultRules rules) {
        Optional<NodeStatus> node = supervisor.status(nodeId);
        if (node.isEmpty() || node.get().state() != NodeState.RUNNING || !node.get().hasAddress()) {
            return CompletableFuture.failedFuture(new IllegalStateException(nodeId + " is not running"));
        }
        Entry e;
        long seq;
        synchronized (this) {
            e = entry(node.get());
            seq = ++sequence;
            e.pending = rules;
        }
        fire();
        return request(() -> gateway.setFaults(e.address, rules)).whenComplete((report, error) -> {
            synchronized (this) {
                if (e.pending == rules) {
                    e.pending = null;
                }
                if (error == null) {
                    show(e, seq, report);
                } else {
                    Throwable cause = unwrap(error);
                    e.error = failure("SET_FAULTS", cause);
                    if (!(cause instanceof ProtocolException) && seq > e.shownSeq) {
                        e.report = null;
                        e.shownSeq = seq;
                    }
                }
            }
            fire();
        });
    }

    /** The supervisor reports a node: a new process starts unknown; an ended one is forgotten. */
    void onNodeStatus(NodeStatus s) {
        boolean changed;
        boolean ask = false;
        synchronized (this) {
            Entry old = entries.get(s.id());
            if (!s.state().alive() || !s.hasAddress()) {
                changed = entries.remove(s.id()) != null;
            } else {
                Entry e = entry(s);
                changed = e != old;
                ask = s.state() == NodeState.RUNNING && !e.everAsked && !e.asking;
            }
        }
        if (ask) {
            ask(s.id());
        }
        if (changed) {
            fire();
        }
    }

    @Override
    public void onEvent(String address, NodeEvent event) {
        if (!EventKind.FAULTS.equals(event.kind())) {
            return;
        }
        FaultRules rules;
        try {
            rules = FaultRules.fromJson(event.data());
        } catch (IllegalArgumentException ex) {
            return;
        }
        synchronized (this) {
            Entry e = entries.values().stream().filter(x -> x.address.equals(address)).findFirst().orElse(null);
            if (e == null) {
                return;
            }
            boolean same = e.report != null && e.report.rules().equals(rules);
            show(e, ++sequence, same ? e.report : FaultReport.of(rules));
        }
        fire();
    }

    /** Asks every running node that is due (see the class comment); called by the timer. */
    void askDue() {
        long now = time.monotonicMillis();
        List<String> due = new ArrayList<>();
        for (NodeStatus s : supervisor.statuses()) {
            if (s.state() != NodeState.RUNNING) {
                continue;
            }
            synchronized (this) {
                Entry e = entries.get(s.id());
                if (e == null || e.pid != s.pid() || e.asking || e.refusesFaults) {
                    continue;
                }
                long every = e.report == null ? settings.retryUnknown().toMillis()
                        : !e.report.rules().isEmpty() ? settings.refreshFaulted().toMillis() : -1;
                if (!e.everAsked || (every > 0 && now - e.askedAt >= every)) {
                    due.add(s.id());
                }
            }
        }
        due.forEach(this::ask);
    }

    private void ask(String nodeId) {
        Entry e;
        long seq;
        synchronized (this) {
            e = entries.get(nodeId);
            if (e == null || e.asking) {
                return;
            }
            e.asking = true;
            e.everAsked = true;
            e.askedAt = time.monotonicMillis();
            seq = ++sequence;
        }
        request(() -> gateway.getFaults(e.address)).whenComplete((report, error) -> {
            synchronized (this) {
                e.asking = false;
                if (error == null) {
                    show(e, seq, report);
                } else {
                    Throwable cause = unwrap(error);
                    e.error = failure("GET_FAULTS", cause);
                    e.refusesFaults = cause instanceof ProtocolException p
                            && p.responseCode() == ResponseCode.REQUEST_CODE_NOT_SUPPORTED;
                }
            }
            fire();
        });
    }

    /** The entry of the node's current process, replacing one of an earlier process. Holds the lock. */
    private Entry entry(NodeStatus s) {
        Entry e = entries.get(s.id());
        if (e == null || e.pid != s.pid() || !e.address.equals(s.address())) {
            e = new Entry(s.pid(), s.address());
            entries.put(s.id(), e);
        }
        return e;
    }

    /** Shows what the node said, unless something newer is shown already. Holds the lock. */
    private void show(Entry e, long seq, FaultReport report) {
        if (seq > e.shownSeq) {
            e.report = report;
            e.shownSeq = seq;
            e.error = null;
        }
    }

    /** A gateway call; one that throws instead of failing its future counts as failed all the same. */
    private static CompletableFuture<FaultReport> request(Supplier<CompletableFuture<FaultReport>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private static Throwable unwrap(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }

    /** "SET_FAULTS refused: the node's remark" or "GET_FAULTS: no answer from ...". */
    private static String failure(String request, Throwable cause) {
        String message = cause.getMessage() != null ? cause.getMessage() : cause.toString();
        return request + (cause instanceof ProtocolException ? " refused: " : ": ") + message;
    }

    private void fire() {
        listeners.forEach(Runnable::run);
    }

    @Override
    public void close() {
        timer.cancel();
    }
}
