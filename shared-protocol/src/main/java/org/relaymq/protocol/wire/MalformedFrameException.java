package org.relaymq.protocol.wire;

/**
 * Bytes on a connection that are not a valid frame: a length over the limit, a header length beyond
 * the frame, an unparseable JSON or compact header, an unknown serialize type. The receiver closes
 * the connection; it never answers.
 */
public class MalformedFrameException extends RuntimeException {

    public MalformedFrameException(String message) {
        super(message);
    }

    public MalformedFrameException(String message, Throwable cause) {
        super(message, cause);
    }
}
