package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import org.relaymq.protocol.body.LockBatchRequestBody;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.client.RebalanceLockManager;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 42 UNLOCK_BATCH_MQ (often oneway at shutdown): releases the client's locks on the given queues. */
public final class UnlockBatchMqHandler implements RequestHandler {

    private final RebalanceLockManager locks;

    public UnlockBatchMqHandler(RebalanceLockManager locks) {
        this.locks = Objects.requireNonNull(locks, "locks");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        LockBatchRequestBody body = LockBatchRequestBody.decode(request.body());
        locks.unlockBatch(body.consumerGroup(), body.mqSet(), body.clientId());
        return Replies.ok(request);
    }
}
