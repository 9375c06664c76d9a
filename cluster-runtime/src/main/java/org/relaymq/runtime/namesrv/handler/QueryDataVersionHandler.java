package org.relaymq.runtime.namesrv.handler;

import org.relaymq.protocol.body.DataVersion;
import org.relaymq.protocol.code.ResponseCode;
import org.relaymq.protocol.header.QueryDataVersionRequestHeader;
import org.relaymq.protocol.header.QueryDataVersionResponseHeader;
import org.relaymq.protocol.wire.RemotingCommand;
import org.relaymq.runtime.common.time.TimeSource;
import org.relaymq.runtime.namesrv.DataVersionQuery;
import org.relaymq.runtime.namesrv.Moment;
import org.relaymq.runtime.namesrv.RouteState;
import org.relaymq.runtime.remoting.RequestContext;
import org.relaymq.runtime.remoting.RequestHandler;

/** QUERY_DATA_VERSION (322): "must I re-register?"; also refreshes the broker's liveness. */
public final class QueryDataVersionHandler implements RequestHandler {

    private final RouteState routes;
    private final TimeSource time;

    public QueryDataVersionHandler(RouteState routes, TimeSource time) {
        this.routes = routes;
        this.time = time;
    }

    @Override
    public RemotingCommand handle(RequestContext ctx, RemotingCommand request) {
        QueryDataVersionRequestHeader h = QueryDataVersionRequestHeader.fromExt(request.ext());
        DataVersion brokerVersion = request.body().length == 0 ? null : DataVersion.decode(request.body());
        DataVersionQuery q = routes.queryDataVersion(h.brokerAddr(), brokerVersion, Moment.of(time));
        byte[] body = q.stored() == null ? null : q.stored().encode();
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null,
                new QueryDataVersionResponseHeader(q.changed()).toExt(), body);
    }
}
