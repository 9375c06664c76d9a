package org.relaymq.runtime.namesrv.handler;

import org.relaymq.protocol.body.KVTable;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.GetKVListByNamespaceRequestHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.namesrv.KvConfigStore;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** GET_KVLIST_BY_NAMESPACE (219): the namespace as a KVTable, or 22. */
public final class GetKvListByNamespaceHandler implements RequestHandler {

    private final KvConfigStore kv;

    public GetKvListByNamespaceHandler(KvConfigStore kv) {
        this.kv = kv;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        GetKVListByNamespaceRequestHeader h = GetKVListByNamespaceRequestHeader.fromExt(request.ext());
        return kv.list(h.namespace())
                .map(t -> RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, new KVTable(t).encode()))
                .orElseGet(() -> RemotingCommand.responseTo(request, ResponseCode.QUERY_NOT_FOUND,
                        "No config item, Namespace: " + h.namespace()));
    }
}
