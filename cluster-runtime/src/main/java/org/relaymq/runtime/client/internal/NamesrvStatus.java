package org.relaymq.runtime.client.internal;

/**
 * What a client knows about its NameServers: whether the last route query reached one, which one, and
 * since when every NameServer has been unreachable (the cached routes keep serving meanwhile).
 *
 * @param unreachableSinceMillis wall time of the first failure of the current outage, 0 when reachable
 */
public record NamesrvStatus(boolean reachable, String current, long lastSuccessMillis, long unreachableSinceMillis,
                            String lastError) {
}
