package org.relaymq.console.app;

import java.nio.file.Path;
import java.util.List;
import org.relaymq.console.fx.PreferencesStore;

/** The demo cluster with short timings, so a test or a screenshot run sees expiry in seconds, not minutes. */
final class DemoTimings {

    /** NameServers scan every 200 ms and drop a broker silent for 3 s. */
    static final List<String> FAST_NAMESRV = List.of("--scan-interval", "200ms", "--broker-expiry", "3s");
    /** Brokers register every second (broker.conf, milliseconds). */
    static final List<String> FAST_BROKER_CONF = List.of("registerNameServerPeriod=1000");

    private DemoTimings() {
    }

    static ConsoleOptions fastOptions(Path dataDir, PreferencesStore prefs) {
        return new ConsoleOptions(dataDir, FAST_NAMESRV, false, null, prefs, FAST_BROKER_CONF);
    }
}
