package org.relaymq.runtime.broker.client;

import java.util.Objects;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.NettyRemotingServer;
import org.relaymq.runtime.remoting.RemoteChannel;
import org.relaymq.runtime.remoting.RemotingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A {@link ClientChannel} over a connection of the broker's {@link NettyRemotingServer}. */
public record RemotingClientChannel(RemoteChannel remote, NettyRemotingServer server) implements ClientChannel {

    private static final Logger LOG = LoggerFactory.getLogger(RemotingClientChannel.class);

    public RemotingClientChannel {
        Objects.requireNonNull(remote, "remote");
        Objects.requireNonNull(server, "server");
    }

    @Override
    public String id() {
        return remote.id();
    }

    @Override
    public String remoteAddress() {
        return remote.remoteAddress();
    }

    @Override
    public boolean isActive() {
        return remote.isActive();
    }

    @Override
    public void close() {
        remote.close();
    }

    @Override
    public void sendOneway(RemotingCommand request) {
        try {
            server.invokeOneway(remote, request);
        } catch (RemotingException e) {
            LOG.debug("request code={} to {} not sent: {}", request.code(), remote, e.getMessage());
        }
    }
}
