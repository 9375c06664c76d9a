package org.relaymq.runtime.bootstrap;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;

/** A RocketMQ-style {@code key=value} config file; tracks which keys were used so the rest can be reported. */
final class ConfigFile {

    private final Path path;
    private final Properties props;
    private final Set<String> used = new TreeSet<>();

    private ConfigFile(Path path, Properties props) {
        this.path = path;
        this.props = props;
    }

    static ConfigFile empty() {
        return new ConfigFile(null, new Properties());
    }

    static ConfigFile load(Path path, CommandLine cl) {
        if (path == null) {
            return empty();
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(cl, "cannot read config file " + path + ": " + e.getMessage());
        }
        return new ConfigFile(path, p);
    }

    String get(String key) {
        used.add(key);
        String v = props.getProperty(key);
        return v == null ? null : v.trim();
    }

    Integer getInt(String key, CommandLine cl) {
        String v = get(key);
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(cl, "config " + key + "=" + v + " is not a number (" + path + ")");
        }
    }

    /** The raw properties (for readers that track keys themselves). */
    Properties properties() {
        return props;
    }

    /** Keys present in the file that nothing read. */
    Set<String> unusedKeys() {
        Set<String> unused = new TreeSet<>(props.stringPropertyNames());
        unused.removeAll(used);
        return unused;
    }

    Path path() {
        return path;
    }
}
