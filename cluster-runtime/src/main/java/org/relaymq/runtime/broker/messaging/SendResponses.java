package org.relaymq.runtime.broker.messaging;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.SendMessageResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.PutMessageResult;
import org.relaymq.runtime.remoting.RequestContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Step 9 of protocol.md §4.2: a store result becomes a send response; answers now or when the put completes. */
final class SendResponses {

    private static final Logger LOG = LoggerFactory.getLogger(SendResponses.class);

    private SendResponses() {
    }

    /**
     * The response for a put result. Stored outcomes (0, 10) carry msgId (comma-joined for batches),
     * queueId, queueOffset of the first record and the ext keys MSG_REGION and TRACE_ON.
     */
    static RemotingCommand toResponse(RemotingCommand request, PutMessageResult result, int queueId,
                                      String region, boolean traceOn) {
        return toResponse(request, result, ReplicationWait.Verdict.AS_STORED, queueId, region, traceOn);
    }

    /** As above, with replication's verdict: 11 / 12 replace a stored message's 0 or 10. */
    static RemotingCommand toResponse(RemotingCommand request, PutMessageResult result,
                                      ReplicationWait.Verdict verdict, int queueId, String region, boolean traceOn) {
        int storeCode = switch (result.status()) {
            case PUT_OK -> ResponseCode.SUCCESS;
            case FLUSH_DISK_TIMEOUT -> ResponseCode.FLUSH_DISK_TIMEOUT;
            case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED -> ResponseCode.MESSAGE_ILLEGAL;
            case SERVICE_NOT_AVAILABLE -> ResponseCode.SERVICE_NOT_AVAILABLE;
        };
        if (!result.status().isStored() || result.appends().isEmpty()) {
            String remark = result.reason().isEmpty() ? result.status().name() : result.reason();
            return RemotingCommand.responseTo(request, storeCode, remark);
        }
        int code = verdict.codeFor(storeCode);
        String remark = verdict.remark() != null ? verdict.remark()
                : code == ResponseCode.SUCCESS ? null : result.status().name();
        SendMessageResponseHeader header = new SendMessageResponseHeader(result.offsetMsgIds(), queueId,
                result.first().queueOffset());
        return RemotingCommand.responseTo(request, code, remark, header.toExt(region, traceOn), null);
    }

    /**
     * Returns the response when the put is already complete, else null after arranging for {@code ctx} to be
     * answered when it completes (from the completing thread; answering only writes to the channel).
     */
    static <T> RemotingCommand answer(RequestContext ctx, CompletableFuture<T> put,
                                      Function<T, RemotingCommand> toResponse) {
        if (put.isDone()) {
            try {
                return respondTo(ctx.request(), put.join(), null, toResponse);
            } catch (CompletionException e) {
                return respondTo(ctx.request(), null, e, toResponse);
            }
        }
        put.whenComplete((result, error) -> ctx.respond(respondTo(ctx.request(), result, error, toResponse)));
        return null;
    }

    private static <T> RemotingCommand respondTo(RemotingCommand request, T result, Throwable error,
                                                 Function<T, RemotingCommand> toResponse) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        if (cause instanceof ProtocolException pe) {
            return RemotingCommand.responseTo(request, pe.responseCode(), pe.getMessage());
        }
        if (cause != null) {
            LOG.warn("put for request code={} opaque={} failed", request.code(), request.opaque(), cause);
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, cause.toString());
        }
        return toResponse.apply(result);
    }
}
