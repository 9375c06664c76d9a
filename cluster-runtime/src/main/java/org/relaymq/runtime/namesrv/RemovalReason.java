package org.relaymq.runtime.namesrv;

import org.relaymq.protocol.event.EventKind;

/** Why a broker address left the NameServer's tables; each has its own event kind. */
public enum RemovalReason {
    /** Silent for longer than the expiry, found by a scan. */
    EXPIRED(EventKind.BROKER_EXPIRED),
    /** Its connection to this NameServer closed. */
    DISCONNECTED(EventKind.BROKER_DISCONNECTED),
    /** It said goodbye (UNREGISTER_BROKER at shutdown). */
    UNREGISTERED(EventKind.BROKER_UNREGISTERED);

    private final String eventKind;

    RemovalReason(String eventKind) {
        this.eventKind = eventKind;
    }

    public String eventKind() {
        return eventKind;
    }
}
