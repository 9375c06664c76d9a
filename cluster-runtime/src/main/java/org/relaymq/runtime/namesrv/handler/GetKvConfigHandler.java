package org.relaymq.runtime.namesrv.handler;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetKVConfigRequestHeader;
import org.relaymq.protocol.header.GetKVConfigResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.KvConfigStore;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** GET_KV_CONFIG (101): the value, or 22 QUERY_NOT_FOUND. */
public final class GetKvConfigHandler implements RequestHandler {

    private final KvConfigStore kv;

    public GetKvConfigHandler(KvConfigStore kv) {
        this.kv = kv;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        GetKVConfigRequestHeader h = GetKVConfigRequestHeader.fromExt(request.ext());
        return kv.get(h.namespace(), h.key())
                .map(v -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                        new GetKVConfigResponseHeader(v).toExt(), null))
                .orElseGet(() -> RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND,
                        "No config item, Namespace: " + h.namespace() + " Key: " + h.key()));
    }
}
