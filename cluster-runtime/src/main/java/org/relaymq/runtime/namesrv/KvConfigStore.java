package org.relaymq.runtime.namesrv;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * KV config with optional persistence: every change is written to a JSON file (via a temp file and
 * a rename, so a crash never leaves half a file) and loaded again at start. Without a file it lives
 * in memory only. File format: {@code {"configTable":{"namespace":{"key":"value"}}}} as Apache's.
 */
public final class KvConfigStore {

    private final KvConfigState state;
    private final Path file;

    public KvConfigStore(KvConfigState state, Path fileOrNull) {
        this.state = state;
        this.file = fileOrNull;
    }

    public KvConfigState state() {
        return state;
    }

    /** Loads the file if there is one; a file that does not parse fails start-up with its path named. */
    public void load() {
        if (file == null || !Files.isRegularFile(file)) {
            return;
        }
        try {
            JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            JsonObject table = root.getAsJsonObject("configTable");
            Map<String, Map<String, String>> loaded = new LinkedHashMap<>();
            if (table != null) {
                table.entrySet().forEach(ns -> {
                    Map<String, String> kv = new LinkedHashMap<>();
                    ns.getValue().getAsJsonObject().entrySet().forEach(e -> kv.put(e.getKey(), e.getValue().getAsString()));
                    loaded.put(ns.getKey(), kv);
                });
            }
            state.load(loaded);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read KV config " + file, e);
        } catch (RuntimeException e) {
            throw new IllegalStateException("KV config file " + file + " is not valid JSON: " + e.getMessage(), e);
        }
    }

    public synchronized void put(String namespace, String key, String value) {
        state.put(namespace, key, value);
        persist();
    }

    public synchronized boolean delete(String namespace, String key) {
        boolean removed = state.delete(namespace, key);
        if (removed) {
            persist();
        }
        return removed;
    }

    public Optional<String> get(String namespace, String key) {
        return state.get(namespace, key);
    }

    public Optional<Map<String, String>> list(String namespace) {
        return state.list(namespace);
    }

    private void persist() {
        if (file == null) {
            return;
        }
        JsonObject table = new JsonObject();
        state.all().forEach((ns, kv) -> {
            JsonObject o = new JsonObject();
            kv.forEach(o::addProperty);
            table.add(ns, o);
        });
        JsonObject root = new JsonObject();
        root.add("configTable", table);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, root.toString(), StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write KV config " + file, e);
        }
    }
}
