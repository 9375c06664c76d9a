package org.relaymq.runtime.remoting;

/**
 * Connection lifecycle seen by a server. Called on one dedicated event thread per server, in order,
 * never on the event loop; a slow listener delays later events but never I/O.
 */
public interface ChannelEventListener {

    default void onConnected(RemoteChannel channel) {
    }

    /** The connection is gone (either side closed it, or it broke). */
    default void onClosed(RemoteChannel channel) {
    }

    /** Nothing was read or written for the idle timeout; the server closes the connection. */
    default void onIdle(RemoteChannel channel) {
    }

    /** The connection failed (I/O error or malformed input); the server closes it. */
    default void onException(RemoteChannel channel, Throwable cause) {
    }
}
