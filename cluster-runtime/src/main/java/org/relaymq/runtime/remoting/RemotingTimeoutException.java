package org.relaymq.runtime.remoting;

/** The request was sent but no response arrived within the timeout. */
public class RemotingTimeoutException extends RemotingException {

    public RemotingTimeoutException(String message) {
        super(message);
    }

    static RemotingTimeoutException waitingOn(String remoteAddress, long timeoutMillis) {
        return new RemotingTimeoutException(
                "wait response on channel " + remoteAddress + " timeout, " + timeoutMillis + "(ms)");
    }
}
