package org.relaymq.protocol.event;

import java.util.Locale;
import java.util.Objects;

/**
 * One fault a node injects on the connections it opened (ARCHITECTURE.md §6): frames to and from
 * {@code peer} are dropped ({@link Action#DROP}, a partition: the connection stays open, so only the
 * heartbeat expiry notices) or sent late ({@link Action#DELAY}). {@code peer} is the {@code host:port}
 * the node connected to (a NameServer, a broker's listen port), or {@value #ANY_PEER} for every
 * connection the node opened.
 */
public record FaultRule(String peer, Action action, long delayMillis) {

    public static final String ANY_PEER = "*";
    public static final long MAX_DELAY_MILLIS = 60_000;

    public enum Action { DROP, DELAY }

    public FaultRule {
        Objects.requireNonNull(action, "a fault rule needs an action (DROP or DELAY)");
        peer = peer == null ? "" : peer.trim();
        if (peer.isEmpty()) {
            throw new IllegalArgumentException("a fault rule needs a peer (host:port or *)");
        }
        if (!ANY_PEER.equals(peer)) {
            int colon = peer.lastIndexOf(':');
            if (colon <= 0 || colon == peer.length() - 1) {
                throw new IllegalArgumentException("peer is not host:port: '" + peer + "'");
            }
            int port;
            try {
                port = Integer.parseInt(peer.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("peer port is not a number: '" + peer + "'");
            }
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("peer port out of range: '" + peer + "'");
            }
        }
        if (action == Action.DELAY && (delayMillis < 1 || delayMillis > MAX_DELAY_MILLIS)) {
            throw new IllegalArgumentException("a DELAY needs delayMillis between 1 and " + MAX_DELAY_MILLIS
                    + ", got " + delayMillis);
        }
        if (action == Action.DROP && delayMillis != 0) {
            throw new IllegalArgumentException("a DROP takes no delayMillis, got " + delayMillis);
        }
    }

    public static FaultRule drop(String peer) {
        return new FaultRule(peer, Action.DROP, 0);
    }

    public static FaultRule delay(String peer, long millis) {
        return new FaultRule(peer, Action.DELAY, millis);
    }

    /** Parses an action name case-insensitively; a clear error for anything else. */
    public static Action action(String name) {
        if (name == null) {
            throw new IllegalArgumentException("a fault rule needs an action (DROP or DELAY)");
        }
        try {
            return Action.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown fault action '" + name + "' (DROP or DELAY)");
        }
    }

    /** "drop 127.0.0.1:9876" or "delay 500 ms *", for logs and the console. */
    public String describe() {
        return action == Action.DROP ? "drop " + peer : "delay " + delayMillis + " ms " + peer;
    }
}
