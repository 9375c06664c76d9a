package org.relaymq.protocol.body;

/**
 * Version of a broker's topic config. Two versions are equal when timestamp and counter are
 * (4.x semantics; 5.x adds stateVersion, which 4.x peers omit and we carry when present).
 */
public record DataVersion(long timestamp, long counter, Long stateVersion) {

    public DataVersion(long timestamp, long counter) {
        this(timestamp, counter, null);
    }

    /** The next version: counter + 1 at {@code nowMillis}. */
    public DataVersion next(long nowMillis) {
        return new DataVersion(nowMillis, counter + 1, stateVersion);
    }

    /** Equality as the NameServer judges "changed": timestamp and counter (and stateVersion when both carry one). */
    public boolean sameAs(DataVersion other) {
        if (other == null) {
            return false;
        }
        boolean stateEqual = stateVersion == null || other.stateVersion == null
                || stateVersion.longValue() == other.stateVersion.longValue();
        return timestamp == other.timestamp && counter == other.counter && stateEqual;
    }

    public static DataVersion decode(byte[] body) {
        return ProtocolJson.decode(body, DataVersion.class);
    }

    public byte[] encode() {
        return ProtocolJson.encode(this);
    }
}
