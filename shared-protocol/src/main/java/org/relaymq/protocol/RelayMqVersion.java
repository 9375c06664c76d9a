package org.relaymq.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Product version and vendor, filtered from the root pom at build time. */
public final class RelayMqVersion {

    /** The Apache RocketMQ version ordinal we announce on the wire (V4_9_8). */
    public static final int WIRE_VERSION = 409;

    private static final Properties PROPS = load();

    private RelayMqVersion() {
    }

    public static String version() {
        return PROPS.getProperty("version", "unknown");
    }

    public static String vendor() {
        return PROPS.getProperty("vendor", "RelayMQ");
    }

    public static String description() {
        return PROPS.getProperty("description", "");
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = RelayMqVersion.class.getResourceAsStream("relaymq.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
