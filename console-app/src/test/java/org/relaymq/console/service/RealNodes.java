package org.relaymq.console.service;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.relaymq.runtime.common.time.ExecutorScheduler;
import org.relaymq.runtime.common.time.TimeSource;

/** Test helpers for real node processes: the built runtime jar and a supervisor on it. */
public final class RealNodes {

    private RealNodes() {
    }

    public static Path runtimeJar() {
        String prop = System.getProperty("relaymq.runtime.jar", "../cluster-runtime/target/relaymq-runtime.jar");
        Path jar = Paths.get(prop);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("runtime jar not built: " + jar.toAbsolutePath());
        }
        return jar;
    }

    public static RuntimeJarLauncher launcher() {
        return new RuntimeJarLauncher(RuntimeJarLauncher.currentJava(), Optional.of(runtimeJar()), "test",
                List.of("-Xmx128m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    }

    public static NodeSupervisor supervisor(ExecutorScheduler scheduler) {
        return new NodeSupervisor(launcher(), new KillCommandSignals(), scheduler, TimeSource.system(),
                new NodeSupervisor.Settings(Duration.ofSeconds(5), Duration.ofSeconds(30), 500));
    }

    public static NodeSpec namesrv(String id, String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--host", "127.0.0.1", "--profile", "classroom"));
        args.addAll(List.of(extra));
        return new NodeSpec(id, "namesrv", "namesrv", args, null);
    }

    /** The state letter of /proc/<pid>/stat (R, S, T, ...), or empty where /proc does not exist. */
    public static Optional<Character> procState(long pid) {
        Path stat = Paths.get("/proc", Long.toString(pid), "stat");
        try {
            String s = Files.readString(stat);
            return Optional.of(s.charAt(s.lastIndexOf(')') + 2));
        } catch (java.io.IOException e) {
            return Optional.empty();
        }
    }
}
