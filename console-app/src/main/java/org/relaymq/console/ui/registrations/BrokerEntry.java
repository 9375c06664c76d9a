package org.relaymq.console.ui.registrations;

import org.relaymq.console.service.DurationText;
import org.relaymq.console.service.Freshness;
import org.relaymq.console.ui.Level;

/**
 * What one NameServer said about one broker address. Times are console monotonic millis: the last
 * heartbeat is anchored as "received at minus the idle time the NameServer reported", so clocks of
 * other machines never enter a countdown.
 */
final class BrokerEntry {

    String cluster;
    String brokerName;
    long brokerId;
    final String brokerAddr;
    long lastHeartbeat;
    boolean heard;
    long previousHeartbeat = -1;
    long expiryMs;
    String removedReason;
    long removedAt = -1;
    long silentForMs = -1;

    BrokerEntry(String brokerAddr) {
        this.brokerAddr = brokerAddr;
    }

    void heartbeat(long at) {
        if (removedReason == null && heard && at - lastHeartbeat > 200) {
            previousHeartbeat = lastHeartbeat;
        }
        lastHeartbeat = at;
        heard = true;
        removedReason = null;
        removedAt = -1;
    }

    /** A scan re-states the idle time: corrects the anchor without counting a heartbeat. */
    void reanchor(long at) {
        if (removedReason == null) {
            lastHeartbeat = at;
        }
    }

    void removed(String reason, long at, long silentFor) {
        removedReason = reason;
        removedAt = at;
        silentForMs = silentFor;
    }

    long observedIntervalMs() {
        return previousHeartbeat < 0 ? -1 : lastHeartbeat - previousHeartbeat;
    }

    RegistrationRow row(String ns, Freshness nsFresh, long registerIntervalMs, long now) {
        String broker = brokerName + " / " + brokerId + (brokerId == 0 ? " (master)" : " (slave)");
        String fresh = nsFresh.label();
        long since = now - lastHeartbeat;
        if (removedReason != null) {
            double frozen = expiryMs > 0 ? Math.min(1.0, (removedAt - lastHeartbeat) / (double) expiryMs) : -1;
            return new RegistrationRow(ns, broker, brokerAddr, "left " + DurationText.of(now - removedAt) + " ago",
                    "—", frozen, "removed", Level.GONE, reasonText(), fresh);
        }
        long interval = registerIntervalMs > 0 ? registerIntervalMs : observedIntervalMs();
        String next = interval <= 0 ? "unknown interval"
                : since <= interval ? "in " + DurationText.of(interval - since)
                : "overdue by " + DurationText.of(since - interval);
        double fraction = expiryMs > 0 ? Math.min(1.0, since / (double) expiryMs) : -1;
        String expiry = expiryMs > 0 ? "expires in " + DurationText.of(Math.max(0, expiryMs - since)) : "expiry unknown";
        String status = nsFresh.live() ? "registered" : "registered (as last seen: NameServer " + fresh + ")";
        return new RegistrationRow(ns, broker, brokerAddr, DurationText.of(since) + " ago", next, fraction, expiry,
                RegistrationRow.levelFor(fraction), status, fresh);
    }

    private String reasonText() {
        return switch (removedReason) {
            case "EXPIRED" -> "expired" + (silentForMs >= 0 ? " (silent " + DurationText.of(silentForMs) + ")" : "");
            case "DISCONNECTED" -> "disconnected (connection closed)";
            case "UNREGISTERED" -> "unregistered (graceful shutdown)";
            default -> removedReason.toLowerCase(java.util.Locale.ROOT);
        };
    }
}
