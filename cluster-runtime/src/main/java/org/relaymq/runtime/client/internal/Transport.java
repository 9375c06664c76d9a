package org.relaymq.runtime.client.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RemotingException;
import org.relaymq.runtime.remoting.RequestHandler;

/** The connections a client instance talks over: Netty in production, a fake in unit tests. */
public interface Transport extends AutoCloseable {

    RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException;

    /** Completes exceptionally with a {@link RemotingException}. */
    CompletableFuture<RemotingCommand> invokeAsync(String addr, RemotingCommand request, long timeoutMillis);

    void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException;

    /** Serves requests that brokers send to this client (e.g. NOTIFY_CONSUMER_IDS_CHANGED). */
    void onRequest(int code, RequestHandler handler, ExecutorService executor);

    void closeChannel(String addr);

    List<String> connectedAddresses();

    @Override
    void close();
}
