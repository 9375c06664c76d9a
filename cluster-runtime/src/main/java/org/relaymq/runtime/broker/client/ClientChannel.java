package org.relaymq.runtime.broker.client;

import org.relaymq.protocol.wire.RemotingCommand;

/**
 * A client's connection as the broker's registries see it: identity, address, liveness, and a way to
 * push a oneway request (NOTIFY_CONSUMER_IDS_CHANGED). {@link RemotingClientChannel} is the real one.
 */
public interface ClientChannel {

    /** Unique among open connections; registries key channels by it. */
    String id();

    /** The client's "host:port". */
    String remoteAddress();

    boolean isActive();

    /** Closes the connection (an expired client). */
    void close();

    /** Sends {@code request} oneway; best effort, a closed channel just drops it. */
    void sendOneway(RemotingCommand request);
}
