package org.relaymq.protocol;

import org.relaymq.protocol.code.ResponseCode;

/**
 * A request that cannot be served as asked: a missing or unparseable header field, a body that does
 * not parse, a value out of range. Carries the response code to answer with; the remark is the message.
 */
public class ProtocolException extends RuntimeException {

    private final int responseCode;

    public ProtocolException(int responseCode, String message) {
        super(message);
        this.responseCode = responseCode;
    }

    public ProtocolException(int responseCode, String message, Throwable cause) {
        super(message, cause);
        this.responseCode = responseCode;
    }

    /** A bad request: answered with SYSTEM_ERROR (what Apache answers for illegal arguments). */
    public static ProtocolException badRequest(String message) {
        return new ProtocolException(ResponseCode.SYSTEM_ERROR, message);
    }

    public int responseCode() {
        return responseCode;
    }
}
