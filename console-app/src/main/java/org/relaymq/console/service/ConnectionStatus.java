package org.relaymq.console.service;

/**
 * What the console knows about its link to one node.
 *
 * @param address           host:port
 * @param nodeName          "role@host:port" once the node said so, else null
 * @param everContacted     an answer or an event arrived at least once
 * @param lastContactMillis console monotonic millis of the last event or successful poll
 * @param streaming         subscribed to the node's event stream
 * @param error             the last failure (no answer, refused), or null
 * @param limitation        what this node cannot tell (e.g. an Apache RocketMQ node has no event stream), or null
 */
public record ConnectionStatus(String address, String nodeName, boolean everContacted, long lastContactMillis,
                               boolean streaming, String error, String limitation) {

    public static ConnectionStatus unknown(String address) {
        return new ConnectionStatus(address, null, false, -1, false, null, null);
    }

    /** LIVE, STALE (with age) or UNKNOWN at console monotonic time {@code nowMillis}. */
    public Freshness freshness(long nowMillis, long staleAfterMillis) {
        return Freshness.of(this, nowMillis, staleAfterMillis);
    }
}
