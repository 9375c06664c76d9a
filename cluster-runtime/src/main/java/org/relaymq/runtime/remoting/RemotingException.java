package org.relaymq.runtime.remoting;

/**
 * A remote call that did not produce a response: no connection, the request could not be sent,
 * no answer in time, or the channel closed while waiting.
 */
public class RemotingException extends Exception {

    public RemotingException(String message) {
        super(message);
    }

    public RemotingException(String message, Throwable cause) {
        super(message, cause);
    }
}
