package org.relaymq.runtime.remoting;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A handle to one connection, as seen by request handlers and channel listeners: its id, the
 * remote "host:port", whether it is still open. A server sends requests back to a client through
 * it ({@link NettyRemotingServer#invokeSync}). One instance per connection, so it can be used as a
 * map key; the id is unique among the open connections of the JVM.
 */
public final class RemoteChannel {

    private static final AttributeKey<RemoteChannel> KEY = AttributeKey.valueOf(RemoteChannel.class.getName());

    private final Channel channel;
    private final String id;
    private final String remoteAddress;

    private RemoteChannel(Channel channel) {
        this.channel = channel;
        this.id = channel.id().asShortText();
        this.remoteAddress = format(channel.remoteAddress());
    }

    /** The handle of {@code channel}, created on first use. */
    static RemoteChannel of(Channel channel) {
        RemoteChannel existing = channel.attr(KEY).get();
        if (existing != null) {
            return existing;
        }
        RemoteChannel created = new RemoteChannel(channel);
        RemoteChannel raced = channel.attr(KEY).setIfAbsent(created);
        return raced == null ? created : raced;
    }

    /** "host:port" of an address; "unknown" when there is none. */
    static String format(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return address == null ? "unknown" : address.toString();
    }

    public String id() {
        return id;
    }

    /** The peer as "host:port" (captured when the connection opened, still valid after it closed). */
    public String remoteAddress() {
        return remoteAddress;
    }

    public boolean isActive() {
        return channel.isActive();
    }

    /** False while the connection's outbound buffer is above its high water mark (a slow peer). */
    public boolean isWritable() {
        return channel.isWritable();
    }

    /** Closes the connection (the peer sees it closed; listeners get their close event). */
    public void close() {
        channel.close();
    }

    Channel channel() {
        return channel;
    }

    @Override
    public String toString() {
        return "RemoteChannel[" + id + " " + remoteAddress + "]";
    }
}
