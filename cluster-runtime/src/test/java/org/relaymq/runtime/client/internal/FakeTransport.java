package org.relaymq.runtime.client.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.function.BiFunction;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RemotingConnectException;
import org.relaymq.runtime.remoting.RemotingException;
import org.relaymq.runtime.remoting.RequestHandler;

/** Answers requests in-memory; an address without a server refuses connections. */
final class FakeTransport implements Transport {

    record Call(String addr, int code) {
    }

    final List<Call> calls = new CopyOnWriteArrayList<>();
    final Map<String, BiFunction<String, RemotingCommand, RemotingCommand>> servers = new ConcurrentHashMap<>();

    @Override
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
            throws RemotingException {
        calls.add(new Call(addr, request.code()));
        var server = servers.get(addr);
        if (server == null) {
            throw new RemotingConnectException(addr + " refused the connection");
        }
        return server.apply(addr, request);
    }

    @Override
    public CompletableFuture<RemotingCommand> invokeAsync(String addr, RemotingCommand request, long timeoutMillis) {
        try {
            return CompletableFuture.completedFuture(invokeSync(addr, request, timeoutMillis));
        } catch (RemotingException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis) throws RemotingException {
        invokeSync(addr, request, timeoutMillis);
    }

    @Override
    public void onRequest(int code, RequestHandler handler, ExecutorService executor) {
        // brokers never call this fake client
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
