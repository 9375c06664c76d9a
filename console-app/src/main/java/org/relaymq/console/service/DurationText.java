package org.relaymq.console.service;

import java.util.Locale;

/** Short durations for people: "850 ms", "3.2 s", "2 min 05 s", "1 h 02 min". */
public final class DurationText {

    private DurationText() {
    }

    public static String of(long millis) {
        if (millis < 0) {
            return "-" + of(-millis);
        }
        if (millis < 1000) {
            return millis + " ms";
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = millis / 1000;
        if (s < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
