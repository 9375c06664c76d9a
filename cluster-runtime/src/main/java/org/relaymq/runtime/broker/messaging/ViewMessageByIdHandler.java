package org.relaymq.runtime.broker.messaging;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.ViewMessageRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.broker.store.MessageStore;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** VIEW_MESSAGE_BY_ID (33): the record at a commit-log offset (from an offset message id); none → 1. */
public final class ViewMessageByIdHandler implements RequestHandler {

    private final MessageStore store;

    public ViewMessageByIdHandler(MessageStore store) {
        this.store = store;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        ViewMessageRequestHeader h = ViewMessageRequestHeader.fromExt(request.ext());
        Optional<ByteBuffer> record = h.offset() < 0 ? Optional.empty() : store.selectRecord(h.offset());
        if (record.isEmpty()) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                    "can not find message by the offset, " + h.offset());
        }
        ByteBuffer b = record.get().duplicate();
        byte[] body = new byte[b.remaining()];
        b.get(body);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, body);
    }
}
