package org.relaymq.console.service;

/**
 * Whether a value is live, stale (and since how long) or unknown. Every view shows this next to what
 * it got from a node, so nothing on screen pretends to be current when it is not.
 */
public record Freshness(Kind kind, long ageMillis, String reason) {

    public enum Kind { LIVE, STALE, UNKNOWN }

    public static final Freshness UNKNOWN = new Freshness(Kind.UNKNOWN, -1, null);

    public static Freshness of(ConnectionStatus c, long nowMillis, long staleAfterMillis) {
        if (c == null || !c.everContacted()) {
            return new Freshness(Kind.UNKNOWN, -1, c == null ? null : c.error());
        }
        long age = Math.max(0, nowMillis - c.lastContactMillis());
        if (age <= staleAfterMillis && c.error() == null) {
            return new Freshness(Kind.LIVE, age, null);
        }
        return new Freshness(Kind.STALE, age, c.error());
    }

    /** e.g. "LIVE", "STALE 12.4 s", "UNKNOWN". */
    public String label() {
        return switch (kind) {
            case LIVE -> "LIVE";
            case UNKNOWN -> "UNKNOWN";
            case STALE -> "STALE " + DurationText.of(ageMillis);
        };
    }

    public boolean live() {
        return kind == Kind.LIVE;
    }
}
