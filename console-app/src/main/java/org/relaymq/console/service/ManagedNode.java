package org.relaymq.console.service;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.common.time.TimeSource;

/**
 * One supervised node: its current process, its state machine and its output. Every process start
 * is a new generation; callbacks from an older process are ignored.
 */
final class ManagedNode {

    private static final Pattern READY = Pattern.compile("^READY (\\S+) (\\S+:\\d+)$");

    private enum Intent { NONE, STOP, KILL }

    private final NodeSpec spec;
    private final Deps deps;
    private final LogRing log;
    private int generation;
    private Process process;
    private NodeState state = NodeState.NEW;
    private String detail = "not started";
    private String address;
    private int port;
    private long startedAt = -1;
    private Intent intent = Intent.NONE;
    private String failReason;
    private CompletableFuture<NodeStatus> exit = CompletableFuture.completedFuture(null);
    private Scheduler.Cancellable readyTimer;
    private Scheduler.Cancellable graceTimer;

    /** What every node of a supervisor shares. */
    record Deps(NodeLauncher launcher, SignalSender signals, Scheduler scheduler, TimeSource time,
                Duration stopGrace, Duration readyTimeout, Consumer<NodeStatus> onChange) {
    }

    ManagedNode(NodeSpec spec, Deps deps, int logLines) {
        this.spec = spec;
        this.deps = deps;
        this.log = new LogRing(logLines);
    }

    NodeSpec spec() {
        return spec;
    }

    LogRing log() {
        return log;
    }

    synchronized NodeStatus status() {
        return new NodeStatus(spec.id(), spec.role(), state, detail, process == null ? -1 : process.pid(), address,
                startedAt);
    }

    synchronized Process process() {
        return process;
    }

    /** Starts a new process (on the port of the first run once there was one). */
    CompletableFuture<NodeStatus> start() {
        synchronized (this) {
            if (state.alive()) {
                return CompletableFuture.failedFuture(new IllegalStateException(spec.id() + " is already " + state));
            }
            generation++;
            intent = Intent.NONE;
            failReason = null;
            address = null;
            exit = new CompletableFuture<>();
            startedAt = deps.time().monotonicMillis();
            launch();
        }
        notifyChange();
        return CompletableFuture.completedFuture(status());
    }

    private void launch() {
        try {
            process = deps.launcher().launch(spec, List.of("--port", Integer.toString(port)));
        } catch (IOException | RuntimeException e) {
            process = null;
            state = NodeState.FAILED;
            detail = "could not start: " + e.getMessage();
            log.add("--- " + detail + " ---");
            exit.complete(status());
            return;
        }
        state = NodeState.STARTING;
        detail = "waiting for READY";
        log.add("--- started pid " + process.pid() + " ---");
        int gen = generation;
        readyTimer = deps.scheduler().schedule(() -> onReadyTimeout(gen), deps.readyTimeout());
        pump(gen, process);
    }

    /** SIGTERM, then SIGKILL after the grace period; completes when the process has ended. */
    CompletableFuture<NodeStatus> stop() {
        synchronized (this) {
            if (!state.alive()) {
                return CompletableFuture.completedFuture(status());
            }
            if (state == NodeState.PAUSED) {
                resumeQuietly();
            }
            intent = Intent.STOP;
            state = NodeState.STOPPING;
            detail = "SIGTERM sent";
            process.destroy();
            int gen = generation;
            graceTimer = deps.scheduler().schedule(() -> forceAfterGrace(gen), deps.stopGrace());
        }
        notifyChange();
        return exitFuture();
    }

    /** kill -9; completes when the process has ended. */
    CompletableFuture<NodeStatus> kill() {
        synchronized (this) {
            if (!state.alive()) {
                return CompletableFuture.completedFuture(status());
            }
            intent = Intent.KILL;
            process.destroyForcibly();
        }
        return exitFuture();
    }

    CompletableFuture<NodeStatus> pause() {
        return signal(NodeState.RUNNING, NodeState.PAUSED, "SIGSTOP: the process is frozen", true);
    }

    CompletableFuture<NodeStatus> resume() {
        return signal(NodeState.PAUSED, NodeState.RUNNING, "SIGCONT: running again", false);
    }

    private CompletableFuture<NodeStatus> signal(NodeState from, NodeState to, String what, boolean pause) {
        synchronized (this) {
            if (!deps.signals().supported()) {
                return CompletableFuture.failedFuture(new UnsupportedOperationException(deps.signals().unsupportedReason()));
            }
            if (state != from) {
                return CompletableFuture.failedFuture(new IllegalStateException(spec.id() + " is " + state
                        + ", not " + from));
            }
            try {
                if (pause) {
                    deps.signals().pause(process.pid());
                } else {
                    deps.signals().resume(process.pid());
                }
            } catch (IOException e) {
                return CompletableFuture.failedFuture(e);
            }
            state = to;
            detail = what;
        }
        notifyChange();
        return CompletableFuture.completedFuture(status());
    }

    private synchronized CompletableFuture<NodeStatus> exitFuture() {
        return exit;
    }

    private void resumeQuietly() {
        try {
            deps.signals().resume(process.pid());
        } catch (IOException | UnsupportedOperationException e) {
            log.add("--- could not SIGCONT before stopping: " + e.getMessage() + " ---");
        }
    }

    private void pump(int gen, Process p) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    log.add(line);
                    onLine(gen, line);
                }
            } catch (IOException e) {
                log.add("--- output closed: " + e.getMessage() + " ---");
            }
            onExit(gen, awaitExitCode(p));
        }, "node-" + spec.id() + "-out");
        t.setDaemon(true);
        t.start();
    }

    private static int awaitExitCode(Process p) {
        boolean interrupted = false;
        while (true) {
            try {
                int code = p.waitFor();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
                return code;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
    }

    private void onLine(int gen, String line) {
        Matcher m = READY.matcher(line.strip());
        if (!m.matches()) {
            return;
        }
        synchronized (this) {
            if (gen != generation || state != NodeState.STARTING) {
                return;
            }
            address = m.group(2);
            port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            state = NodeState.RUNNING;
            detail = "ready";
            cancel(readyTimer);
        }
        notifyChange();
    }

    private void onReadyTimeout(int gen) {
        synchronized (this) {
            if (gen != generation || state != NodeState.STARTING) {
                return;
            }
            failReason = "no READY line within " + deps.readyTimeout().toSeconds() + " s";
            process.destroyForcibly();
        }
    }

    private void forceAfterGrace(int gen) {
        synchronized (this) {
            if (gen != generation || !state.alive()) {
                return;
            }
            log.add("--- still running " + deps.stopGrace().toSeconds() + " s after SIGTERM: SIGKILL ---");
            process.destroyForcibly();
        }
    }

    private void onExit(int gen, int code) {
        CompletableFuture<NodeStatus> done;
        synchronized (this) {
            if (gen != generation) {
                return;
            }
            cancel(readyTimer);
            cancel(graceTimer);
            NodeState end = stateAtExit();
            detail = detailAtExit(code);
            state = end;
            log.add("--- process ended, exit code " + code + " ---");
            done = exit;
        }
        notifyChange();
        done.complete(status());
    }

    private NodeState stateAtExit() {
        if (failReason != null) {
            return NodeState.FAILED;
        }
        return switch (intent) {
            case KILL -> NodeState.KILLED;
            case STOP -> NodeState.STOPPED;
            case NONE -> state == NodeState.STARTING ? NodeState.FAILED : NodeState.EXITED;
        };
    }

    private String detailAtExit(int code) {
        if (failReason != null) {
            return failReason;
        }
        String last = log.lastNonBlank();
        return switch (intent) {
            case KILL -> "killed with SIGKILL (exit code " + code + ")";
            case STOP -> "stopped (exit code " + code + ")";
            case NONE -> (last == null || last.startsWith("--- ") ? "exit code " + code
                    : last + " (exit code " + code + ")");
        };
    }

    private static void cancel(Scheduler.Cancellable c) {
        if (c != null) {
            c.cancel();
        }
    }

    private void notifyChange() {
        deps.onChange().accept(status());
    }
}
