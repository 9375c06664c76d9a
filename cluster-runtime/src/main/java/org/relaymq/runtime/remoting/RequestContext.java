package org.relaymq.runtime.remoting;

import java.util.concurrent.atomic.AtomicBoolean;
import org.relaymq.protocol.wire.RemotingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One request being served: where it came from and how to answer it. {@link #respond} may be
 * called later from any thread (deferred answers such as long polling); only the first answer is
 * sent, and never one to a oneway request.
 */
public final class RequestContext {

    private static final Logger LOG = LoggerFactory.getLogger(RequestContext.class);

    private final RemoteChannel channel;
    private final RemotingCommand request;
    private final AtomicBoolean answered = new AtomicBoolean();

    RequestContext(RemoteChannel channel, RemotingCommand request) {
        this.channel = channel;
        this.request = request;
    }

    /** The peer as "host:port". */
    public String remoteAddress() {
        return channel.remoteAddress();
    }

    /** The connection's id, the same as {@link RemoteChannel#id()} in channel events. */
    public String channelId() {
        return channel.id();
    }

    /** The connection the request came on; a server can send requests back through it. */
    public RemoteChannel remoteChannel() {
        return channel;
    }

    public RemotingCommand request() {
        return request;
    }

    public boolean isActive() {
        return channel.isActive();
    }

    /** True once an answer was sent (or given up on because the request was oneway). */
    public boolean isAnswered() {
        return answered.get();
    }

    /**
     * Sends {@code response}, re-stamped with the request's opaque and serialize type and the
     * response flag. Ignored for oneway requests, after a first answer, or on a closed connection.
     */
    public void respond(RemotingCommand response) {
        if (request.isOneway() || !answered.compareAndSet(false, true)) {
            return;
        }
        if (!channel.isActive()) {
            LOG.debug("not answering request code={} opaque={}: connection to {} is closed",
                    request.code(), request.opaque(), channel.remoteAddress());
            return;
        }
        channel.channel().writeAndFlush(asResponse(response)).addListener(f -> {
            if (!f.isSuccess()) {
                LOG.warn("failed to answer request code={} opaque={} to {}: {}",
                        request.code(), request.opaque(), channel.remoteAddress(), f.cause().toString());
            }
        });
    }

    private RemotingCommand asResponse(RemotingCommand response) {
        return RemotingCommand.of(response.code(), response.language(), response.version(), request.opaque(),
                response.flag() | RemotingCommand.FLAG_RESPONSE, response.remark(), response.extFields(),
                response.body(), request.serializeType());
    }
}
