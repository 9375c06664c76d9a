package org.relaymq.runtime.remoting;

/** No connection to the remote address could be made (refused, unreachable, connect timeout, closed client). */
public class RemotingConnectException extends RemotingException {

    public RemotingConnectException(String message) {
        super(message);
    }

    public RemotingConnectException(String message, Throwable cause) {
        super(message, cause);
    }
}
