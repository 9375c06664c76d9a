package org.relaymq.runtime.broker.handler;

import java.util.Objects;
import java.util.Set;
import org.relaymq.protocol.body.LockBatchRequestBody;
import org.relaymq.protocol.body.LockBatchResponseBody;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.client.RebalanceLockManager;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** 41 LOCK_BATCH_MQ: locks what it can for the client; answers the queues the client now holds. */
public final class LockBatchMqHandler implements RequestHandler {

    private final RebalanceLockManager locks;
    private final TimeSource time;

    public LockBatchMqHandler(RebalanceLockManager locks, TimeSource time) {
        this.locks = Objects.requireNonNull(locks, "locks");
        this.time = Objects.requireNonNull(time, "time");
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        LockBatchRequestBody body = LockBatchRequestBody.decode(request.body());
        Set<MessageQueue> granted = locks.tryLockBatch(body.consumerGroup(), body.mqSet(), body.clientId(),
                time.monotonicMillis());
        return Replies.ok(request, new LockBatchResponseBody(granted).encode());
    }
}
