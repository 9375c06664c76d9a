package org.relaymq.console.service;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds {@code relaymq-runtime.jar}: the {@code relaymq.runtime.jar} system property, the
 * {@code RELAYMQ_RUNTIME_JAR} environment variable, next to the console's own jar, then the build
 * output of a source checkout.
 */
public final class RuntimeJarLocator {

    public static final String JAR_NAME = "relaymq-runtime.jar";

    private final List<Path> candidates = new ArrayList<>();

    public RuntimeJarLocator(String property, String environment, Path consoleLocation, Path workingDir) {
        if (property != null && !property.isBlank()) {
            candidates.add(Paths.get(property));
        }
        if (environment != null && !environment.isBlank()) {
            candidates.add(Paths.get(environment));
        }
        if (consoleLocation != null) {
            Path dir = Files.isDirectory(consoleLocation) ? consoleLocation : consoleLocation.getParent();
            if (dir != null) {
                candidates.add(dir.resolve(JAR_NAME));
            }
        }
        candidates.add(workingDir.resolve("cluster-runtime/target").resolve(JAR_NAME));
        candidates.add(workingDir.resolve("../cluster-runtime/target").resolve(JAR_NAME).normalize());
    }

    /** The locator for this JVM. */
    public static RuntimeJarLocator forThisJvm() {
        Path location = null;
        try {
            var source = RuntimeJarLocator.class.getProtectionDomain().getCodeSource();
            if (source != null) {
                location = Paths.get(source.getLocation().toURI());
            }
        } catch (URISyntaxException | SecurityException e) {
            location = null;
        }
        return new RuntimeJarLocator(System.getProperty("relaymq.runtime.jar"), System.getenv("RELAYMQ_RUNTIME_JAR"),
                location, Paths.get("").toAbsolutePath());
    }

    public Optional<Path> find() {
        return candidates.stream().filter(Files::isRegularFile).findFirst();
    }

    /** Where it looked, for the failure message. */
    public String searched() {
        return candidates.toString();
    }
}
