package org.relaymq.runtime.namesrv;

import java.time.Duration;
import java.util.Objects;
import org.relaymq.runtime.common.TimingProfile;

/**
 * NameServer liveness settings. {@code scanInterval}: how often silent brokers are looked for;
 * {@code brokerExpiry}: how long a broker may stay silent; {@code routeServedFlush}: the window of
 * aggregated ROUTE_SERVED events; {@code profileName}: shown by the console.
 */
public record NamesrvConfig(Duration scanInterval, Duration brokerExpiry, Duration routeServedFlush,
                            String profileName) {

    private static final Duration MIN_CONNECTION_IDLE = Duration.ofSeconds(120);

    public NamesrvConfig {
        requirePositive("scanInterval", scanInterval);
        requirePositive("brokerExpiry", brokerExpiry);
        requirePositive("routeServedFlush", routeServedFlush);
        Objects.requireNonNull(profileName, "profileName");
    }

    /** The classic profile: scan every 10 s, expiry after 120 s. */
    public static NamesrvConfig defaults() {
        return fromProfile(TimingProfile.CLASSIC);
    }

    public static NamesrvConfig fromProfile(TimingProfile p) {
        return new NamesrvConfig(p.namesrvScanInterval(), p.brokerExpiry(), Duration.ofSeconds(1), p.name());
    }

    /**
     * How long a connection may carry nothing before the NameServer closes it: at least 120 s, and always
     * past the first scan after the broker expiry, so a broker that falls silent with its connection open
     * (paused, partitioned) is reported <em>expired</em> by the scan and not <em>disconnected</em> by an
     * idle close that happened to come first (with Apache's 120 s for both, the idle close wins).
     */
    public Duration connectionIdleTimeout() {
        Duration afterExpiry = brokerExpiry.plus(scanInterval.multipliedBy(2));
        return afterExpiry.compareTo(MIN_CONNECTION_IDLE) > 0 ? afterExpiry : MIN_CONNECTION_IDLE;
    }

    public NamesrvConfig withScanInterval(Duration d) {
        return new NamesrvConfig(d, brokerExpiry, routeServedFlush, profileName);
    }

    public NamesrvConfig withBrokerExpiry(Duration d) {
        return new NamesrvConfig(scanInterval, d, routeServedFlush, profileName);
    }

    private static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }
}
