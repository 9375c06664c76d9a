package org.relaymq.runtime.remoting;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * At most one connection per remote "host:port", opened on first use and opened again after it
 * closed. Callers asking at the same time share one connect attempt.
 */
final class ClientChannelTable {

    private final Bootstrap bootstrap;
    private final Map<String, CompletableFuture<Channel>> channels = new ConcurrentHashMap<>();
    private volatile boolean closed;

    ClientChannelTable(Bootstrap bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** The connection to {@code addr}, connecting if there is none; completes on the event loop. */
    CompletableFuture<Channel> channelFor(String addr) {
        while (true) {
            if (closed) {
                return CompletableFuture.failedFuture(new RemotingConnectException(
                        "cannot connect to " + addr + ": client closed"));
            }
            CompletableFuture<Channel> existing = channels.get(addr);
            if (existing == null) {
                CompletableFuture<Channel> created = new CompletableFuture<>();
                if (channels.putIfAbsent(addr, created) == null) {
                    connect(addr, created);
                    return created;
                }
            } else if (isStale(existing)) {
                channels.remove(addr, existing);
            } else {
                return existing;
            }
        }
    }

    private static boolean isStale(CompletableFuture<Channel> f) {
        return f.isDone() && (f.isCompletedExceptionally() || !f.join().isActive());
    }

    private void connect(String addr, CompletableFuture<Channel> created) {
        ChannelFuture connecting;
        try {
            int colon = addr.lastIndexOf(':');
            String host = addr.substring(0, colon).replace("[", "").replace("]", "");
            int port = Integer.parseInt(addr.substring(colon + 1));
            connecting = bootstrap.connect(host, port);
        } catch (RuntimeException e) {
            channels.remove(addr, created);
            created.completeExceptionally(new RemotingConnectException(
                    "cannot connect to " + addr + ": not a host:port address (" + e + ")", e));
            return;
        }
        connecting.addListener(f -> {
            Channel ch = connecting.channel();
            if (f.isSuccess() && !closed) {
                ch.closeFuture().addListener(x -> channels.remove(addr, created));
                created.complete(ch);
            } else {
                channels.remove(addr, created);
                ch.close();
                String reason = f.isSuccess() ? "client closed" : String.valueOf(f.cause());
                created.completeExceptionally(new RemotingConnectException(
                        "connect to " + addr + " failed: " + reason, f.cause()));
            }
        });
    }

    /** Closes the connection to {@code addr} if there is one. */
    void close(String addr) {
        CompletableFuture<Channel> f = channels.remove(addr);
        if (f != null) {
            f.thenAccept(Channel::close);
        }
    }

    /** Closes the connection to {@code addr} only if it still is {@code channel}. */
    void close(String addr, Channel channel) {
        CompletableFuture<Channel> f = channels.get(addr);
        if (f != null && f.isDone() && !f.isCompletedExceptionally() && f.join() == channel) {
            channels.remove(addr, f);
        }
        channel.close();
    }

    /** Addresses with an open (or opening) connection. */
    List<String> addresses() {
        return new ArrayList<>(channels.keySet());
    }

    /** Refuses new connections and closes every connection, waiting briefly for them to close. */
    void closeAll() {
        closed = true;
        List<Channel> open = new ArrayList<>();
        for (String addr : new ArrayList<>(channels.keySet())) {
            CompletableFuture<Channel> f = channels.remove(addr);
            if (f != null && f.isDone() && !f.isCompletedExceptionally()) {
                open.add(f.join());
            }
        }
        open.forEach(Channel::close);
        open.forEach(ch -> ch.closeFuture().awaitUninterruptibly(3, TimeUnit.SECONDS));
    }
}
