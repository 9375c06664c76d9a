package org.relaymq.runtime.remoting;

/** The request could not be written to the channel (write failure, encoding failure, no permit left). */
public class RemotingSendRequestException extends RemotingException {

    public RemotingSendRequestException(String message) {
        super(message);
    }

    public RemotingSendRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
