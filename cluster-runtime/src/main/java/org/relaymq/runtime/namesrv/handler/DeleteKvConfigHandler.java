package org.relaymq.runtime.namesrv.handler;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.DeleteKVConfigRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.KvConfigStore;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** DELETE_KV_CONFIG (102). */
public final class DeleteKvConfigHandler implements RequestHandler {

    private final KvConfigStore kv;

    public DeleteKvConfigHandler(KvConfigStore kv) {
        this.kv = kv;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        DeleteKVConfigRequestHeader h = DeleteKVConfigRequestHeader.fromExt(request.ext());
        kv.delete(h.namespace(), h.key());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
