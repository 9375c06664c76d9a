package org.relaymq.runtime.client.producer;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.relaymq.protocol.body.TopicRouteData;
import org.relaymq.protocol.code.RequestCode;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.SendMessageRequestHeader;
import org.relaymq.protocol.header.SendMessageResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.internal.Transport;
import org.relaymq.runtime.common.time.Scheduler;
import org.relaymq.runtime.remoting.RemotingConnectException;
import org.relaymq.runtime.remoting.RemotingException;
import org.relaymq.runtime.remoting.RemotingTimeoutException;
import org.relaymq.runtime.remoting.RequestHandler;

/**
 * A transport for the send-algorithm tests. Route queries, heartbeats and unregistrations are answered at
 * once; every send waits in {@link #sends} until the test answers or fails it, or until its timeout passes
 * on the injected scheduler, as the remoting client's calls do. Whoever answers completes the future on
 * their own thread (the test thread here, the event loop in production).
 */
final class ScriptedTransport implements Transport {

    static final String NAMESRV = "ns:9876";

    /** One send waiting for its answer. */
    final class Call {
        final String addr;
        final RemotingCommand request;
        final long timeoutMillis;
        final CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
        volatile Scheduler.Cancellable timer;

        Call(String addr, RemotingCommand request, long timeoutMillis) {
            this.addr = addr;
            this.request = request;
            this.timeoutMillis = timeoutMillis;
        }

        int queueId() {
            return SendMessageRequestHeader.fromExtV2(request.ext()).queueId();
        }

        /** Answers SUCCESS with the next offset. */
        void ok() {
            answer(ResponseCode.SUCCESS);
        }

        void answer(int code) {
            RemotingCommand response = code == ResponseCode.SUCCESS
                    ? RemotingCommand.responseTo(request, code, null, new SendMessageResponseHeader(
                            "OFFSETID" + offsets.get(), queueId(), offsets.getAndIncrement()).toExt("DefaultRegion",
                            false), null)
                    : RemotingCommand.responseTo(request, code, "scripted answer " + code);
            timer.cancel();
            future.complete(response);
        }
    }

    final List<Call> sends = new CopyOnWriteArrayList<>();
    private final AtomicLong offsets = new AtomicLong();
    private final Scheduler scheduler;
    private final TopicRouteData route;

    ScriptedTransport(Scheduler scheduler, TopicRouteData route) {
        this.scheduler = scheduler;
        this.route = route;
    }

    /** Send number {@code i} (0-based), in the order they were written. */
    Call send(int i) {
        return sends.get(i);
    }

    @Override
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        switch (request.code()) {
            case RequestCode.GET_ROUTEINFO_BY_TOPIC:
                if (!addr.equals(NAMESRV)) {
                    throw new RemotingConnectException(addr + " refused the connection");
                }
                return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, route.encode(true));
            case RequestCode.HEART_BEAT, RequestCode.UNREGISTER_CLIENT:
                return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
            default:
                try {
                    return invokeAsync(addr, request, timeoutMillis).get();
                } catch (ExecutionException e) {
                    throw (RemotingException) e.getCause();
                }
        }
    }

    @Override
    public CompletableFuture<RemotingCommand> invokeAsync(String addr, RemotingCommand request, long timeoutMillis) {
        Call call = new Call(addr, request, timeoutMillis);
        call.timer = scheduler.schedule(() -> call.future.completeExceptionally(new RemotingTimeoutException(
                "wait response on channel " + addr + " timeout, " + timeoutMillis + "(ms)")),
                Duration.ofMillis(timeoutMillis));
        sends.add(call);
        return call.future;
    }

    @Override
    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis) {
        throw new UnsupportedOperationException("no oneway sends in these tests");
    }

    @Override
    public void onRequest(int code, RequestHandler handler, ExecutorService executor) {
        // brokers never call this client
    }

    @Override
    public void closeChannel(String addr) {
    }

    @Override
    public List<String> connectedAddresses() {
        return List.of();
    }

    @Override
    public void close() {
    }
}
