package org.relaymq.runtime.client.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.NettyRemotingClient;
import org.relaymq.runtime.remoting.RemotingException;
import org.relaymq.runtime.remoting.RequestHandler;

/** {@link Transport} over {@link NettyRemotingClient}; closing it closes the remoting client. */
public final class NettyTransport implements Transport {

    private final NettyRemotingClient remoting;

    public NettyTransport(NettyRemotingClient remoting) {
        this.remoting = remoting;
    }

    @Override
    public RemotingCommand invokeSync(String addr, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        return remoting.invokeSync(addr, request, timeoutMillis);
    }

    @Override
    public CompletableFuture<RemotingCommand> invokeAsync(String addr, RemotingCommand request, long timeoutMillis) {
        return remoting.invokeAsync(addr, request, timeoutMillis);
    }

    @Override
    public void invokeOneway(String addr, RemotingCommand request, long timeoutMillis)
            throws RemotingException, InterruptedException {
        remoting.invokeOneway(addr, request, timeoutMillis);
    }

    @Override
    public void onRequest(int code, RequestHandler handler, ExecutorService executor) {
        remoting.handlers().register(code, handler, executor);
    }

    @Override
    public void closeChannel(String addr) {
        remoting.closeChannel(addr);
    }

    @Override
    public List<String> connectedAddresses() {
        return remoting.connectedAddresses();
    }

    @Override
    public void close() {
        remoting.close();
    }
}
