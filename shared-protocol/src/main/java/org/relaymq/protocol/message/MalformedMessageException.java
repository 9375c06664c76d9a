package org.relaymq.protocol.message;

import org.relaymq.protocol.ProtocolException;
import org.relaymq.protocol.code.ResponseCode;

/**
 * Bytes that are not a valid stored message record, batch body or message id: a TOTALSIZE that does
 * not match the fields, an unknown magic code, a length running past the record, a bad hex id.
 * Answered with MESSAGE_ILLEGAL when it reaches a request boundary.
 */
public class MalformedMessageException extends ProtocolException {

    public MalformedMessageException(String message) {
        super(ResponseCode.MESSAGE_ILLEGAL, message);
    }
}
