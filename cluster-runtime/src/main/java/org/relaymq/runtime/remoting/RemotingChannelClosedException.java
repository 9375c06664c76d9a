package org.relaymq.runtime.remoting;

/** The channel (or the whole client / server) closed while the request waited for its response. */
public class RemotingChannelClosedException extends RemotingException {

    public RemotingChannelClosedException(String message) {
        super(message);
    }
}
