package org.relaymq.runtime.client.producer;

import java.util.Set;
import org.relaymq.protocol.body.MessageQueue;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.SendMessageResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.client.api.ClientException;
import org.relaymq.runtime.client.api.SendResult;
import org.relaymq.runtime.client.api.SendStatus;

/** Send response → {@link SendResult}; which codes a failed attempt may retry (protocol.md §3.2). */
final class SendResults {

    /** 4.9.8's retry set plus 5.x's SYSTEM_BUSY. */
    static final Set<Integer> RETRY_CODES = Set.of(ResponseCode.TOPIC_NOT_EXIST, ResponseCode.SERVICE_NOT_AVAILABLE,
            ResponseCode.SYSTEM_ERROR, ResponseCode.NO_PERMISSION, 204, 205, ResponseCode.SYSTEM_BUSY);

    private SendResults() {
    }

    static SendResult from(RemotingCommand response, MessageQueue target, String msgId) throws ClientException {
        SendStatus status = switch (response.code()) {
            case ResponseCode.SUCCESS -> SendStatus.SEND_OK;
            case ResponseCode.FLUSH_DISK_TIMEOUT -> SendStatus.FLUSH_DISK_TIMEOUT;
            case ResponseCode.FLUSH_SLAVE_TIMEOUT -> SendStatus.FLUSH_SLAVE_TIMEOUT;
            case ResponseCode.SLAVE_NOT_AVAILABLE -> SendStatus.SLAVE_NOT_AVAILABLE;
            default -> throw new ClientException(response.code(), "broker " + target.brokerName() + " answered "
                    + response.code() + ": " + response.remark());
        };
        SendMessageResponseHeader h = SendMessageResponseHeader.fromExt(response.ext());
        MessageQueue stored = new MessageQueue(target.brokerName(), h.queueId(), target.topic());
        return new SendResult(status, msgId, h.msgId(), stored, h.queueOffset(),
                SendMessageResponseHeader.regionOf(response.ext()));
    }
}
