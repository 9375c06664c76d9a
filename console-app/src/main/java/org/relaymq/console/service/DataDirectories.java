package org.relaymq.console.service;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;
import java.util.Map;

/** Where the console keeps node data: the user's data directory of each OS. */
public final class DataDirectories {

    private DataDirectories() {
    }

    /** Linux: $XDG_DATA_HOME/relaymq or ~/.local/share/relaymq; macOS: ~/Library/Application Support/RelayMQ; Windows: %LOCALAPPDATA%\RelayMQ. */
    public static Path userDataDir(String osName, Map<String, String> env, String userHome) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return local != null ? Paths.get(local, "RelayMQ") : Paths.get(userHome, "AppData", "Local", "RelayMQ");
        }
        if (os.contains("mac")) {
            return Paths.get(userHome, "Library", "Application Support", "RelayMQ");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Paths.get(xdg, "relaymq") : Paths.get(userHome, ".local", "share", "relaymq");
    }

    public static Path forThisUser() {
        return userDataDir(System.getProperty("os.name", ""), System.getenv(), System.getProperty("user.home"));
    }

    /** Deletes a directory tree; a missing directory is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
