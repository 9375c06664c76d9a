package org.relaymq.runtime.telemetry;

import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** GET_NODE_INFO (7020): role, version, pid, profile and intervals, uptime, as JSON. */
public final class GetNodeInfoHandler implements RequestHandler {

    private final NodeInfo info;

    public GetNodeInfoHandler(NodeInfo info) {
        this.info = info;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, null, info.toBody());
    }
}
