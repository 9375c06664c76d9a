package org.relaymq.runtime.namesrv;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Everything one NameServer process needs: where to listen, its liveness timers, and where (if
 * anywhere) its KV config persists.
 *
 * @param bindHost       address to listen on ("0.0.0.0" for all)
 * @param port           listen port; 0 picks a free one
 * @param liveness       scan interval, broker expiry, profile name
 * @param kvConfigPath   KV config file, or null to keep KV config in memory only
 * @param handlerThreads threads serving requests
 */
public record NameServerNodeConfig(String bindHost, int port, NamesrvConfig liveness, Path kvConfigPath,
                                   int handlerThreads) {

    public static final int DEFAULT_PORT = 9876;

    public NameServerNodeConfig {
        Objects.requireNonNull(bindHost, "bindHost");
        Objects.requireNonNull(liveness, "liveness");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (handlerThreads < 1) {
            throw new IllegalArgumentException("handlerThreads must be at least 1: " + handlerThreads);
        }
    }

    /** Loopback, a free port, the given liveness timers, in-memory KV: what tests want. */
    public static NameServerNodeConfig loopback(NamesrvConfig liveness) {
        return new NameServerNodeConfig("127.0.0.1", 0, liveness, null, 4);
    }
}
