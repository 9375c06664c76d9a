package org.relaymq.runtime.broker;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.relaymq.runtime.remoting.ChannelEventListener;
import org.relaymq.runtime.remoting.RemoteChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker server's one {@link ChannelEventListener}, handing each event to every part that cares
 * (client registries, event streams, ...). Created before the server, so parts built after the
 * server can still {@link #add} themselves. One failing listener does not starve the others.
 */
public final class BrokerChannelEvents implements ChannelEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(BrokerChannelEvents.class);

    private final List<ChannelEventListener> listeners = new CopyOnWriteArrayList<>();

    public BrokerChannelEvents add(ChannelEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    @Override
    public void onConnected(RemoteChannel channel) {
        each(l -> l.onConnected(channel));
    }

    @Override
    public void onClosed(RemoteChannel channel) {
        each(l -> l.onClosed(channel));
    }

    @Override
    public void onIdle(RemoteChannel channel) {
        each(l -> l.onIdle(channel));
    }

    @Override
    public void onException(RemoteChannel channel, Throwable cause) {
        each(l -> l.onException(channel, cause));
    }

    private void each(java.util.function.Consumer<ChannelEventListener> call) {
        for (ChannelEventListener l : listeners) {
            try {
                call.accept(l);
            } catch (RuntimeException e) {
                LOG.warn("channel event listener {} failed", l, e);
            }
        }
    }
}
