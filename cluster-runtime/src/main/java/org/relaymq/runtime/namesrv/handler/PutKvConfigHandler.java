package org.relaymq.runtime.namesrv.handler;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.PutKVConfigRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.KvConfigStore;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** PUT_KV_CONFIG (100). */
public final class PutKvConfigHandler implements RequestHandler {

    private final KvConfigStore kv;

    public PutKvConfigHandler(KvConfigStore kv) {
        this.kv = kv;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        PutKVConfigRequestHeader h = PutKVConfigRequestHeader.fromExt(request.ext());
        kv.put(h.namespace(), h.key(), h.value());
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
