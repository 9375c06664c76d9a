package org.relaymq.console.service;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * Runs cluster nodes as child processes of the runtime jar and steers them: start, stop (SIGTERM
 * then SIGKILL after a grace period), kill -9, pause / resume (SIGSTOP / SIGCONT), restart.
 * Closing it stops every node it started; a JVM shutdown hook kills whatever is left if the
 * console dies without closing it, so no node is orphaned silently.
 */
public final class NodeSupervisor implements AutoCloseable {

    /** How nodes are started and stopped. */
    public record Settings(Duration stopGrace, Duration readyTimeout, int logLines) {
        public static Settings defaults() {
            return new Settings(Duration.ofSeconds(5), Duration.ofSeconds(30), 2000);
        }
    }

    private final Map<String, ManagedNode> nodes = new ConcurrentHashMap<>();
    private final List<String> order = new CopyOnWriteArrayList<>();
    private final List<Consumer<NodeStatus>> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, List<CompletableFuture<NodeStatus>>> settleWaiters = new ConcurrentHashMap<>();
    private final ManagedNode.Deps deps;
    private final Settings settings;
    private final SignalSender signals;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    public NodeSupervisor(NodeLauncher launcher, SignalSender signals, Scheduler scheduler, TimeSource time,
                          Settings settings) {
        this.settings = settings;
        this.signals = signals;
        this.deps = new ManagedNode.Deps(launcher, signals, scheduler, time, settings.stopGrace(),
                settings.readyTimeout(), this::fire);
        this.shutdownHook = new Thread(this::killAllNow, "relaymq-console-orphan-guard");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public SignalSender signals() {
        return signals;
    }

    /** Plans a node (state NEW); replaces a planned node of the same id that is not running. */
    public NodeStatus add(NodeSpec spec) {
        ManagedNode existing = nodes.get(spec.id());
        if (existing != null && existing.status().state().alive()) {
            throw new IllegalStateException(spec.id() + " is running");
        }
        ManagedNode node = new ManagedNode(spec, deps, settings.logLines());
        nodes.put(spec.id(), node);
        if (!order.contains(spec.id())) {
            order.add(spec.id());
        }
        fire(node.status());
        return node.status();
    }

    /** Forgets every node that is not running (used after stopping, by "reset demo data"). */
    public void removeStopped() {
        for (String id : List.copyOf(order)) {
            ManagedNode n = nodes.get(id);
            if (n != null && !n.status().state().alive()) {
                nodes.remove(id);
                order.remove(id);
            }
        }
    }

    public void addListener(Consumer<NodeStatus> listener) {
        listeners.add(listener);
    }

    public List<NodeStatus> statuses() {
        List<NodeStatus> out = new ArrayList<>();
        for (String id : order) {
            ManagedNode n = nodes.get(id);
            if (n != null) {
                out.add(n.status());
            }
        }
        return out;
    }

    public Optional<NodeStatus> status(String id) {
        return Optional.ofNullable(nodes.get(id)).map(ManagedNode::status);
    }

    public Optional<NodeSpec> spec(String id) {
        return Optional.ofNullable(nodes.get(id)).map(ManagedNode::spec);
    }

    /** The node's last output lines (stdout and stderr), oldest first. */
    public List<String> log(String id) {
        return Optional.ofNullable(nodes.get(id)).map(n -> n.log().lines()).orElse(List.of());
    }

    public CompletableFuture<NodeStatus> start(String id) {
        return node(id).start();
    }

    public CompletableFuture<NodeStatus> stop(String id) {
        return node(id).stop();
    }

    public CompletableFuture<NodeStatus> kill(String id) {
        return node(id).kill();
    }

    public CompletableFuture<NodeStatus> pause(String id) {
        return node(id).pause();
    }

    public CompletableFuture<NodeStatus> resume(String id) {
        return node(id).resume();
    }

    /** Stops (gracefully) and starts again on the same port. */
    public CompletableFuture<NodeStatus> restart(String id) {
        ManagedNode n = node(id);
        return n.stop().thenCompose(s -> n.start());
    }

    /** Stops every running node; completes when all have ended. */
    public CompletableFuture<Void> stopAll() {
        List<CompletableFuture<NodeStatus>> all = new ArrayList<>();
        nodes.values().forEach(n -> all.add(n.stop()));
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** Node ids whose process is alive. */
    public List<String> running() {
        return statuses().stream().filter(s -> s.state().alive()).map(NodeStatus::id).toList();
    }

    /**
     * Lets the running nodes outlive the console (the person chose so when closing): the shutdown
     * hook will not kill them. Returns "id (pid n)" for each, so the console can say which.
     */
    public List<String> leaveRunning() {
        List<String> left = statuses().stream().filter(s -> s.state().alive())
                .map(s -> s.id() + " (pid " + s.pid() + ")").toList();
        nodes.clear();
        order.clear();
        removeHook();
        closed.set(true);
        return left;
    }

    /** Stops every node it started (SIGTERM, SIGKILL after the grace period) and waits. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            stopAll().get(settings.stopGrace().toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            killAllNow();
        }
        killAllNow();
        removeHook();
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs anyway
        }
    }

    /** Last resort: SIGKILL every process still alive and wait briefly for each. */
    private void killAllNow() {
        for (ManagedNode n : List.copyOf(nodes.values())) {
            Process p = n.process();
            if (p != null && p.isAlive()) {
                p.destroyForcibly();
                try {
                    p.waitFor(3, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private ManagedNode node(String id) {
        ManagedNode n = nodes.get(id);
        if (n == null) {
            throw new IllegalArgumentException("no node " + id);
        }
        return n;
    }

    /** Completes once the node is RUNNING, or has ended (failed, exited, stopped, killed). */
    public CompletableFuture<NodeStatus> whenSettled(String id) {
        CompletableFuture<NodeStatus> f = new CompletableFuture<>();
        settleWaiters.computeIfAbsent(id, k -> new CopyOnWriteArrayList<>()).add(f);
        status(id).filter(NodeSupervisor::settled).ifPresent(this::completeWaiters);
        return f;
    }

    private static boolean settled(NodeStatus s) {
        return s.state() == NodeState.RUNNING || (!s.state().alive() && s.state() != NodeState.NEW);
    }

    private void completeWaiters(NodeStatus status) {
        List<CompletableFuture<NodeStatus>> waiting = settleWaiters.remove(status.id());
        if (waiting != null) {
            waiting.forEach(f -> f.complete(status));
        }
    }

    private void fire(NodeStatus status) {
        if (settled(status)) {
            completeWaiters(status);
        }
        for (Consumer<NodeStatus> l : listeners) {
            l.accept(status);
        }
    }
}
