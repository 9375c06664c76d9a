package org.relaymq.runtime.common;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The timers shared by NameServers, brokers and clients (ARCHITECTURE.md §4). {@link #CLASSIC} is the
 * Apache default and the headless default; {@link #CLASSROOM} is ten times faster for live demos.
 */
public record TimingProfile(String name, Duration brokerRegisterInterval, Duration namesrvScanInterval,
                            Duration brokerExpiry, Duration clientRoutePollInterval,
                            Duration clientHeartbeatInterval) {

    public static final TimingProfile CLASSIC = new TimingProfile("classic", Duration.ofSeconds(30),
            Duration.ofSeconds(10), Duration.ofSeconds(120), Duration.ofSeconds(30), Duration.ofSeconds(30));

    public static final TimingProfile CLASSROOM = new TimingProfile("classroom", Duration.ofSeconds(3),
            Duration.ofSeconds(1), Duration.ofSeconds(12), Duration.ofSeconds(3), Duration.ofSeconds(3));

    public TimingProfile {
        Objects.requireNonNull(name, "name");
        requirePositive("brokerRegisterInterval", brokerRegisterInterval);
        requirePositive("namesrvScanInterval", namesrvScanInterval);
        requirePositive("brokerExpiry", brokerExpiry);
        requirePositive("clientRoutePollInterval", clientRoutePollInterval);
        requirePositive("clientHeartbeatInterval", clientHeartbeatInterval);
    }

    public static List<TimingProfile> builtIn() {
        return List.of(CLASSIC, CLASSROOM);
    }

    /** A built-in profile by name, case-insensitive. */
    public static Optional<TimingProfile> byName(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        return builtIn().stream().filter(p -> p.name.equals(wanted)).findFirst();
    }

    private static void requirePositive(String what, Duration d) {
        Objects.requireNonNull(d, what);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be positive: " + d);
        }
    }
}
