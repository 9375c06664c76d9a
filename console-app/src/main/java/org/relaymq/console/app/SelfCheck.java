package org.relaymq.console.app;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.relaymq.console.service.NodeState;
import org.relaymq.console.service.NodeStatus;
import org.relaymq.console.service.NodeSupervisor;
import org.relaymq.protocol.RelayMqVersion;

/**
 * {@code --self-check}: proves that an installed console really works, for the packaging smoke test
 * and for a user who wants to know. It passes once the main window is showing and, when the demo
 * cluster starts, a NameServer and a broker of it are RUNNING (so the console found its Java and the
 * runtime jar and started nodes with them). It fails when a NameServer or broker fails to start;
 * client nodes (producer, consumers) are not part of the check. It prints one line, {@code SELF-CHECK OK ...} or
 * {@code SELF-CHECK FAILED <reason>}, and the console then exits (status 0 or 1).
 */
final class SelfCheck {

    static final String FLAG = "--self-check";
    static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final CompletableFuture<String> outcome = new CompletableFuture<>();
    private final NodeSupervisor supervisor;
    private final boolean demo;

    SelfCheck(NodeSupervisor supervisor, boolean demo) {
        this.supervisor = supervisor;
        this.demo = demo;
    }

    static boolean requested(List<String> args) {
        return args.contains(FLAG);
    }

    /** Starts watching; the future completes with the reason of a failure, or null when it passed. */
    CompletableFuture<String> start(boolean windowShowing) {
        if (!windowShowing) {
            outcome.complete("the main window is not showing");
        } else if (!demo) {
            outcome.complete(null);
        } else {
            supervisor.addListener(s -> evaluate());
            evaluate();
        }
        return outcome.orTimeout(TIMEOUT.toSeconds(), TimeUnit.SECONDS)
                .exceptionally(e -> e instanceof TimeoutException || e.getCause() instanceof TimeoutException
                        ? "no NameServer and broker RUNNING within " + TIMEOUT.toSeconds() + " s: " + supervisor.statuses()
                        : e.toString());
    }

    private void evaluate() {
        List<NodeStatus> all = supervisor.statuses();
        Optional<NodeStatus> failed = all.stream()
                .filter(s -> s.state() == NodeState.FAILED && ("namesrv".equals(s.role()) || "broker".equals(s.role())))
                .findFirst();
        if (failed.isPresent()) {
            outcome.complete(failed.get().id() + " failed to start: " + failed.get().detail());
        } else if (running(all, "namesrv") && running(all, "broker")) {
            outcome.complete(null);
        }
    }

    private static boolean running(List<NodeStatus> all, String role) {
        return all.stream().anyMatch(s -> role.equals(s.role()) && s.state() == NodeState.RUNNING);
    }

    /** The one result line. */
    static void report(String failure, Path java, Optional<Path> runtimeJar, PrintStream out) {
        if (failure == null) {
            out.println("SELF-CHECK OK relaymq-console " + RelayMqVersion.version() + " java=" + java
                    + " runtime=" + runtimeJar.map(Path::toString).orElse("(not found)"));
        } else {
            out.println("SELF-CHECK FAILED " + failure);
        }
        out.flush();
    }
}
