package org.relaymq.runtime.broker.messaging;

import java.util.concurrent.CompletableFuture;
import org.relaymq.runtime.broker.store.PutMessageResult;

/**
 * What the send path waits for after a put before answering: nothing on an ASYNC_MASTER; on a
 * SYNC_MASTER, a slave's acknowledgement (protocol.md §9.1). The broker plugs in its HA service.
 */
@FunctionalInterface
public interface ReplicationWait {

    /** No replication to wait for: answer as the store says. */
    ReplicationWait NONE = (result, waitStoreMsgOk) -> CompletableFuture.completedFuture(Verdict.AS_STORED);

    CompletableFuture<Verdict> await(PutMessageResult result, boolean waitStoreMsgOk);

    /** A response code that replaces the store's (11 or 12), with its remark; or none. */
    record Verdict(Integer responseCode, String remark) {
        public static final Verdict AS_STORED = new Verdict(null, null);

        int codeFor(int storeCode) {
            return responseCode == null ? storeCode : responseCode;
        }
    }
}
