package org.relaymq.runtime.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The built {@code relaymq-runtime.jar} as a real child process: started with the test JVM's own
 * java, stdout and stderr captured, the {@code READY <role> <host:port>} line awaited with a bound,
 * and the process always destroyed (forcibly if it must) on {@link #close()}.
 */
public final class RuntimeProcess implements AutoCloseable {

    private static final Pattern READY = Pattern.compile("^READY (\\S+) (\\S+):(\\d+)$");

    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final Path stderrFile;
    private final CountDownLatch readyOrExit = new CountDownLatch(1);
    private final List<Thread> pumps = new CopyOnWriteArrayList<>();
    private volatile String readyRole;
    private volatile String readyHost;
    private volatile int readyPort = -1;

    private RuntimeProcess(Process process, Path stderrFile) {
        this.process = process;
        this.stderrFile = stderrFile;
        pump(process.getInputStream(), stdout);
        process.onExit().thenRun(readyOrExit::countDown);
    }

    /** The runtime jar built by this module's package phase (failsafe passes its path). */
    public static Path runtimeJar() {
        String prop = System.getProperty("relaymq.runtime.jar");
        Path jar = prop != null ? Paths.get(prop) : Paths.get("target", "relaymq-runtime.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("runtime jar not built: " + jar.toAbsolutePath());
        }
        return jar;
    }

    public static RuntimeProcess start(String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx256m");
        cmd.add("-jar");
        cmd.add(runtimeJar().toString());
        cmd.addAll(List.of(args));
        // stderr goes to a file: a pipe read while the JDK drains it at process exit can lose the last lines
        Path err = Files.createTempFile("relaymq-process-", ".err");
        err.toFile().deleteOnExit();
        return new RuntimeProcess(new ProcessBuilder(cmd).redirectError(err.toFile()).start(), err);
    }

    /** Waits for the READY line; fails with the captured output if the process exits or time runs out. */
    public RuntimeProcess awaitReady(Duration timeout) throws InterruptedException {
        if (!readyOrExit.await(timeout.toMillis(), TimeUnit.MILLISECONDS) || readyPort < 0) {
            throw new AssertionError("no READY line within " + timeout + " (alive=" + process.isAlive() + ")\nstdout: "
                    + stdout + "\nstderr: " + String.join("\n", stderr()));
        }
        return this;
    }

    public String role() {
        return readyRole;
    }

    public int port() {
        return readyPort;
    }

    public String address() {
        return readyHost + ":" + readyPort;
    }

    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    public List<String> stdout() {
        return List.copyOf(stdout);
    }

    /** Everything the process wrote to stderr so far (its log). */
    public List<String> stderr() {
        try {
            return Files.readAllLines(stderrFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Waits for the process to end, returning its exit code, or fails after the timeout. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("process " + pid() + " still alive after " + timeout);
        }
        for (Thread pump : pumps) {
            pump.join(5_000); // the last lines are read once the pipes close
        }
        return process.exitValue();
    }

    /** SIGTERM (graceful). */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL. */
    public void kill() {
        process.destroyForcibly();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    private void pump(java.io.InputStream in, List<String> sink) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    sink.add(line);
                    onStdoutLine(line);
                }
            } catch (IOException ignored) {
                // the process ended; what was read is kept
            }
        }, "runtime-process-" + process.pid() + "-out");
        t.setDaemon(true);
        pumps.add(t);
        t.start();
    }

    private void onStdoutLine(String line) {
        Matcher m = READY.matcher(line.trim());
        if (m.matches() && readyPort < 0) {
            readyRole = m.group(1);
            readyHost = m.group(2);
            readyPort = Integer.parseInt(m.group(3));
            readyOrExit.countDown();
        }
    }
}
