package org.relaymq.runtime.remoting;

import io.netty.channel.Channel;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests one node sent and still waits for, keyed by opaque. Opaques come from this node's
 * own counter; responses may arrive in any order. Each call ends exactly once: response, timeout
 * (through the injected {@link Scheduler}), send failure, or its channel closing.
 */
final class InFlightRequests {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightRequests.class);

    private final Map<Integer, PendingCall> pending = new ConcurrentHashMap<>();
    private final AtomicInteger opaques = new AtomicInteger();
    private final Scheduler scheduler;

    private static final class PendingCall {
        final Channel channel;
        final String remoteAddress;
        final CompletableFuture<RemotingCommand> future = new CompletableFuture<>();
        volatile Scheduler.Cancellable timeout;

        PendingCall(Channel channel, String remoteAddress) {
            this.channel = channel;
            this.remoteAddress = remoteAddress;
        }
    }

    InFlightRequests(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    /**
     * Sends {@code request} (with a fresh opaque) and returns the future of its response. The future
     * is completed on the event loop or the scheduler's thread: callers must not chain work on it.
     */
    CompletableFuture<RemotingCommand> send(Channel channel, String remoteAddress, RemotingCommand request,
                                            long timeoutMillis) {
        int opaque = opaques.getAndIncrement();
        PendingCall call = new PendingCall(channel, remoteAddress);
        pending.put(opaque, call);
        try {
            call.timeout = scheduler.schedule(() -> finish(opaque, call,
                    RemotingTimeoutException.waitingOn(remoteAddress, timeoutMillis)), Duration.ofMillis(timeoutMillis));
        } catch (RuntimeException e) {
            finish(opaque, call, new RemotingSendRequestException(
                    "not sending to " + remoteAddress + ": cannot schedule its timeout (" + e + ")", e));
            return call.future;
        }
        channel.writeAndFlush(request.withOpaque(opaque)).addListener(f -> {
            if (!f.isSuccess()) {
                finish(opaque, call, new RemotingSendRequestException(
                        "send request to channel " + remoteAddress + " failed: " + f.cause(), f.cause()));
            }
        });
        return call.future;
    }

    /** Writes {@code request} as oneway (fresh opaque); the future completes when it was written. */
    CompletableFuture<Void> sendOneway(Channel channel, String remoteAddress, RemotingCommand request) {
        CompletableFuture<Void> written = new CompletableFuture<>();
        RemotingCommand oneway = request.withOpaque(opaques.getAndIncrement()).asOneway();
        channel.writeAndFlush(oneway).addListener(f -> {
            if (f.isSuccess()) {
                written.complete(null);
            } else {
                written.completeExceptionally(new RemotingSendRequestException(
                        "send oneway request to channel " + remoteAddress + " failed: " + f.cause(), f.cause()));
            }
        });
        return written;
    }

    /** Completes the call waiting for {@code response}; a late or unknown response is dropped. */
    void onResponse(RemotingCommand response, String remoteAddress) {
        PendingCall call = pending.remove(response.opaque());
        if (call == null) {
            LOG.debug("dropping response opaque={} code={} from {}: no request waits for it (timed out?)",
                    response.opaque(), response.code(), remoteAddress);
            return;
        }
        cancelTimeout(call);
        call.future.complete(response);
    }

    /** Fails every call waiting on {@code channel}. */
    void failChannel(Channel channel, Function<String, RemotingException> error) {
        pending.forEach((opaque, call) -> {
            if (call.channel == channel) {
                finish(opaque, call, error.apply(call.remoteAddress));
            }
        });
    }

    /** Fails every waiting call. */
    void failAll(Function<String, RemotingException> error) {
        pending.forEach((opaque, call) -> finish(opaque, call, error.apply(call.remoteAddress)));
    }

    int size() {
        return pending.size();
    }

    private void finish(int opaque, PendingCall call, RemotingException error) {
        if (pending.remove(opaque, call)) {
            cancelTimeout(call);
            call.future.completeExceptionally(error);
        }
    }

    private static void cancelTimeout(PendingCall call) {
        Scheduler.Cancellable t = call.timeout;
        if (t != null) {
            t.cancel();
        }
    }
}
