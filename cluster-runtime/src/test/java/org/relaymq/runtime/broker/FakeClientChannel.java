package org.relaymq.runtime.broker;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.client.ClientChannel;

/** A client connection without a socket: records what the broker pushes and whether it was closed. */
public final class FakeClientChannel implements ClientChannel {

    private final String id;
    private final String address;
    private final List<RemotingCommand> sent = new CopyOnWriteArrayList<>();
    private volatile boolean active = true;

    public FakeClientChannel(String id, String address) {
        this.id = id;
        this.address = address;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String remoteAddress() {
        return address;
    }

    @Override
    public boolean isActive() {
        return active;
    }

    @Override
    public void close() {
        active = false;
    }

    @Override
    public void sendOneway(RemotingCommand request) {
        if (active) {
            sent.add(request);
        }
    }

    public List<RemotingCommand> sent() {
        return List.copyOf(sent);
    }

    public void clearSent() {
        sent.clear();
    }
}
