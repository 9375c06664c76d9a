package org.relaymq.console.ui.registrations;

import org.relaymq.console.ui.Level;

/**
 * One NameServer × broker line of the Registrations view, computed for one moment.
 *
 * @param expiryFraction 0..1 of the expiry window used up (the bar), or -1 when unknown
 */
public record RegistrationRow(String nameServer, String broker, String brokerAddr, String sinceLast,
                              String nextExpected, double expiryFraction, String expiryText, Level level,
                              String status, String freshness) {

    /** Bar colour thresholds: green below half the expiry window, amber below 85 %, red beyond. */
    public static Level levelFor(double fraction) {
        if (fraction < 0) {
            return Level.UNKNOWN;
        }
        if (fraction < 0.5) {
            return Level.OK;
        }
        return fraction < 0.85 ? Level.WARN : Level.DANGER;
    }
}
