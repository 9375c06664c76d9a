package org.relaymq.runtime.broker.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.Optional;

/**
 * One small JSON config file of the broker ({@code config/topics.json} and friends). Writes go to a
 * temporary file in the same directory which then replaces the real one by an atomic rename, so a
 * crash leaves either the old or the new content, never half of one.
 */
public final class JsonConfigFile {

    private final Path path;

    public JsonConfigFile(Path path) {
        this.path = Objects.requireNonNull(path, "path").toAbsolutePath();
    }

    public Path path() {
        return path;
    }

    /** The file's bytes, or empty when it does not exist (or is empty). */
    public Optional<byte[]> read() {
        try {
            if (!Files.isRegularFile(path)) {
                return Optional.empty();
            }
            byte[] content = Files.readAllBytes(path);
            return content.length == 0 ? Optional.empty() : Optional.of(content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    /** Replaces the file's content atomically, creating its directory when needed. */
    public void write(byte[] content) {
        try {
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.write(tmp, content);
            try {
                Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Parses the content with {@code parser}; a parse failure names the file. */
    public <T> Optional<T> read(java.util.function.Function<byte[], T> parser) {
        Optional<byte[]> content = read();
        if (content.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parser.apply(content.get()));
        } catch (RuntimeException e) {
            throw new IllegalStateException("corrupt config file " + path + ": " + e.getMessage(), e);
        }
    }
}
