package org.relaymq.runtime.broker.store.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this process has memory-mapped, from Linux's {@code /proc/self/maps} (a deleted file stays listed while mapped). */
public final class ProcMaps {

    private static final Path MAPS = Path.of("/proc/self/maps");

    private ProcMaps() {
    }

    public static boolean isAvailable() {
        return Files.isReadable(MAPS);
    }

    public static boolean isMapped(Path file) {
        String name = file.toAbsolutePath().toString();
        try {
            return Files.readAllLines(MAPS).stream().anyMatch(line -> line.contains(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
