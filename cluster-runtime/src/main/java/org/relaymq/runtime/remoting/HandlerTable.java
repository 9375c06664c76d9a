package org.relaymq.runtime.remoting;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request code → (handler, executor), one table per node. The only place that maps failures to
 * response codes: unknown code → REQUEST_CODE_NOT_SUPPORTED, executor full → SYSTEM_BUSY,
 * {@link ProtocolException} → its code, anything else → SYSTEM_ERROR. Oneway requests are never
 * answered. The table does not own the executors; whoever registers them closes them.
 */
public final class HandlerTable {

    private static final Logger LOG = LoggerFactory.getLogger(HandlerTable.class);

    static final String BUSY_REMARK = "[OVERLOAD]system busy, start flow control for a while";
    static final String STALE_REMARK = "[TIMEOUT_CLEAN_QUEUE]broker busy, start flow control for a while, "
            + "period in queue: %sms, size of queue: %d";

    /** {@code limit} null: no limit on the time in the queue. */
    private record Entry(RequestHandler handler, ExecutorService executor, QueueWaitLimit limit) {
    }

    private final Map<Integer, Entry> entries = new ConcurrentHashMap<>();

    /** Registers (or replaces) the handler of {@code code}, run on {@code executor}. */
    public HandlerTable register(int code, RequestHandler handler, ExecutorService executor) {
        return register(code, handler, executor, null);
    }

    /** As {@link #register(int, RequestHandler, ExecutorService)}; requests queued beyond {@code limit} are refused. */
    public HandlerTable register(int code, RequestHandler handler, ExecutorService executor, QueueWaitLimit limit) {
        entries.put(code, new Entry(Objects.requireNonNull(handler, "handler"),
                Objects.requireNonNull(executor, "executor"), limit));
        return this;
    }

    public boolean isRegistered(int code) {
        return entries.containsKey(code);
    }

    /** Hands {@code request} to its handler's executor; answers at once when it cannot. Never blocks. */
    void dispatch(RemoteChannel channel, RemotingCommand request) {
        RequestContext ctx = new RequestContext(channel, request);
        Entry entry = entries.get(request.code());
        if (entry == null) {
            ctx.respond(RemotingCommand.responseTo(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                    " request type " + request.code() + " not supported"));
            return;
        }
        try {
            if (entry.limit() == null) {
                entry.executor().execute(() -> run(entry.handler(), ctx, request));
            } else {
                long queued = entry.limit().time().nanoTime();
                entry.executor().execute(() -> runUnlessStale(entry, ctx, request, queued));
            }
        } catch (RejectedExecutionException e) {
            LOG.warn("system busy: rejected request code={} opaque={} from {}",
                    request.code(), request.opaque(), channel.remoteAddress());
            ctx.respond(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_BUSY, BUSY_REMARK));
        }
    }

    private static void runUnlessStale(Entry entry, RequestContext ctx, RemotingCommand request, long queuedNanos) {
        long waited = entry.limit().time().nanoTime() - queuedNanos;
        if (waited <= entry.limit().maxWait().toNanos()) {
            run(entry.handler(), ctx, request);
            return;
        }
        int queueSize = entry.executor() instanceof ThreadPoolExecutor pool ? pool.getQueue().size() : -1;
        LOG.debug("system busy: request code={} opaque={} from {} waited {} ms in the queue (limit {} ms)",
                request.code(), request.opaque(), ctx.remoteAddress(), waited / 1_000_000,
                entry.limit().maxWait().toMillis());
        ctx.respond(RemotingCommand.responseTo(request, ResponseCode.SYSTEM_BUSY,
                String.format(STALE_REMARK, waited / 1_000_000, queueSize)));
    }

    private static void run(RequestHandler handler, RequestContext ctx, RemotingCommand request) {
        RemotingCommand response;
        try {
            response = handler.handle(ctx, request);
        } catch (ProtocolException e) {
            LOG.debug("request code={} opaque={} from {} refused: {} {}", request.code(), request.opaque(),
                    ctx.remoteAddress(), e.responseCode(), e.getMessage());
            response = RemotingCommand.responseTo(request, e.responseCode(), e.getMessage());
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.warn("request code={} opaque={} from {} failed", request.code(), request.opaque(),
                    ctx.remoteAddress(), e);
            response = RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, e.toString());
        }
        if (response != null) {
            ctx.respond(response);
        }
    }
}
