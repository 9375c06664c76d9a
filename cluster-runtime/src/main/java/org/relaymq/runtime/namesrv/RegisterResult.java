package org.relaymq.runtime.namesrv;

/**
 * Outcome of a registration. {@code firstRegistration}: new broker name or no address had this id;
 * {@code changed}: first registration or a different DataVersion; for a slave whose master is alive,
 * {@code masterAddr} and {@code haServerAddr} (the master's) go into the response header.
 */
public record RegisterResult(boolean firstRegistration, boolean changed, String masterAddr, String haServerAddr) {
}
