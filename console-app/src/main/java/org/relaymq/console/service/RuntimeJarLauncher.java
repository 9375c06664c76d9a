package org.relaymq.console.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts nodes as {@code <java> <jvmArgs> -jar relaymq-runtime.jar <command> <args>} with the same
 * Java that runs the console. A missing jar or Java fails the start with a clear reason.
 */
public final class RuntimeJarLauncher implements NodeLauncher {

    private final Path java;
    private final Optional<Path> runtimeJar;
    private final String searched;
    private final List<String> jvmArgs;

    public RuntimeJarLauncher(Path java, Optional<Path> runtimeJar, String searched, List<String> jvmArgs) {
        this.java = java;
        this.runtimeJar = runtimeJar;
        this.searched = searched;
        this.jvmArgs = List.copyOf(jvmArgs);
    }

    /** The Java of this console: {@code java.home/bin/java}, else the command of the current process. */
    public static Path currentJava() {
        Path candidate = Paths.get(System.getProperty("java.home"), "bin",
                System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java");
        if (Files.isExecutable(candidate)) {
            return candidate;
        }
        return ProcessHandle.current().info().command().map(Paths::get).orElse(candidate);
    }

    public Optional<Path> runtimeJar() {
        return runtimeJar;
    }

    @Override
    public Process launch(NodeSpec spec, List<String> extraArgs) throws IOException {
        Path jar = runtimeJar.orElseThrow(() -> new IOException("runtime jar not found (looked at " + searched + ")"));
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(jvmArgs);
        cmd.add("-jar");
        cmd.add(jar.toAbsolutePath().toString());
        cmd.add(spec.command());
        cmd.addAll(spec.args());
        cmd.addAll(extraArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (spec.workDir() != null) {
            Files.createDirectories(spec.workDir());
            pb.directory(spec.workDir().toFile());
        }
        return pb.start();
    }
}
