package org.relaymq.runtime.broker.registration;

/**
 * How one REGISTER_BROKER to one NameServer went. {@code masterAddr} / {@code haServerAddr} are what
 * the NameServer answered (set only for a slave whose master is alive).
 */
public record RegisterOutcome(String namesrv, boolean ok, long latencyMillis, String error, String masterAddr,
                              String haServerAddr) {
}
