package org.relaymq.runtime.client.api;

import org.relaymq.protocol.body.MessageQueue;

/**
 * The outcome of a send.
 *
 * @param msgId the client's unique id ({@code UNIQ_KEY}); for a batch the ids joined with ","
 * @param offsetMsgId the broker's offset message id (store host + commit-log offset)
 * @param queueOffset the consume-queue offset of the (first) message
 */
public record SendResult(SendStatus status, String msgId, String offsetMsgId, MessageQueue queue, long queueOffset,
                         String regionId) {

    public boolean isOk() {
        return status == SendStatus.SEND_OK;
    }
}
